/* A scripted client of the live session's wire format, for the tests: it sends what a script says (well-formed frames, raw bytes, lies in a header) and prints each frame the host sends, one line per event. */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "live/protocol.h"
#include "util/strbuf.h"

#define USAGE \
	"usage: live_peer [-t SECONDS] SOCKET [COMMAND...]\n" \
	"Connects to SOCKET and runs each COMMAND (or each line of stdin when none is\n" \
	"given). Every frame the host sends is printed as a line; so is \"closed\".\n" \
	"Exit: 0 done, 1 a wait failed, 2 a bad script, 3 cannot connect.\n" \
	"Commands (TEXT takes the rest of the line; \\n \\t \\\\ \\xHH are escapes):\n" \
	"  hello NAME [TEAM]          hello as a participant\n" \
	"  observer NAME [TEAM]       hello as an observer\n" \
	"  answer VOTE SCORE|skip     vote-answer\n" \
	"  note ID TOUCHPOINT pain|idea|quote TEXT\n" \
	"  follow PHASE TOUCHPOINT    follow (a facilitator's message; - for empty)\n" \
	"  vote-open VOTE TOUCHPOINT  vote-open (a facilitator's)\n" \
	"  reveal VOTE TOUCHPOINT     vote-reveal of no answers (a facilitator's)\n" \
	"  map TEXT                   map-chunk: all of a map TEXT (a facilitator's)\n" \
	"  bye [TEXT]                 bye\n" \
	"  frame TYPE HEX             a right header for TYPE, and HEX as its payload\n" \
	"  header TYPE LENGTH         a right header claiming LENGTH bytes, alone\n" \
	"  raw HEX                    the bytes HEX (spaces are left out)\n" \
	"  expect TEXT                read until a frame whose line begins with TEXT\n" \
	"  closed                     read until the host closes the connection\n" \
	"  hold FILE                  read nothing until FILE exists\n" \
	"Every wait ends after SECONDS (-t, 10 by default).\n"

enum { EXIT_DONE = 0, EXIT_WAIT = 1, EXIT_SCRIPT = 2, EXIT_CONNECT = 3 };

typedef struct peer {
	int fd;
	cjm_proto_reader *reader;
	bool malformed; /* the host sent something the reader refused */
	bool eof;       /* the host closed the connection */
	bool told;      /* "closed" was printed */
	long long timeout_ms;
} peer;

typedef enum event { EV_MESSAGE, EV_CLOSED, EV_TIMEOUT } event;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The next word of *S (words are separated by spaces), or NULL at the end. */
static char *next_word(char **s)
{
	while (**s == ' ')
		(*s)++;
	if (!**s)
		return NULL;
	char *word = *s;
	while (**s && **s != ' ')
		(*s)++;
	if (**s)
		*(*s)++ = '\0';
	return word;
}

/* What is left of *S, without its leading spaces. */
static char *rest(char **s)
{
	while (**s == ' ')
		(*s)++;
	return *s;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* TEXT with its escapes (\n \t \\ \xHH) undone, in place; its length in *LEN. False on a bad escape. */
static bool unescape(char *text, size_t *len)
{
	char *out = text;
	for (const char *in = text; *in; in++) {
		if (*in != '\\') {
			*out++ = *in;
			continue;
		}
		in++;
		if (*in == 'n')
			*out++ = '\n';
		else if (*in == 't')
			*out++ = '\t';
		else if (*in == '\\')
			*out++ = '\\';
		else if (*in == 'x' && hex_digit(in[1]) >= 0 && hex_digit(in[2]) >= 0) {
			*out++ = (char)(hex_digit(in[1]) * 16 + hex_digit(in[2]));
			in += 2;
		} else
			return false;
	}
	*len = (size_t)(out - text);
	*out = '\0';
	return true;
}

/* The bytes HEX spells (spaces left out) appended to OUT; false when it is not hex. */
static bool add_hex(strbuf *out, const char *hex)
{
	int high = -1;
	for (; *hex; hex++) {
		if (*hex == ' ')
			continue;
		int d = hex_digit(*hex);
		if (d < 0)
			return false;
		if (high < 0) {
			high = d;
		} else {
			strbuf_putc(out, (char)(high * 16 + d));
			high = -1;
		}
	}
	return high < 0;
}

/* A frame header: the right magic and version, TYPE, and LENGTH. */
static void add_header(strbuf *out, unsigned type, unsigned long length)
{
	char header[CJM_PROTO_HEADER_SIZE] = { 'C', 'J', 'M', 'L', CJM_PROTO_VERSION, (char)type,
					       (char)(length >> 24), (char)(length >> 16), (char)(length >> 8),
					       (char)length };
	strbuf_add(out, header, sizeof header);
}

/* A whole number in MIN..MAX from WORD, or false. */
static bool number(const char *word, long long min, long long max, long long *value)
{
	if (!word || !*word)
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(word, &end, 10);
	if (*end || errno || v < min || v > max)
		return false;
	*value = v;
	return true;
}

static void put_counts(strbuf *line, const cjm_proto_counts *c)
{
	for (int i = 0; i < 7; i++)
		strbuf_printf(line, "%s%u", i ? "," : "", (unsigned)c->score[i]);
	strbuf_printf(line, ",skip=%u", (unsigned)c->skipped);
}

/* The line for a message the host sent (without its line feed), appended to LINE. */
static void put_message(strbuf *line, const cjm_proto_msg *m)
{
	const char *name = cjm_proto_type_name(m->type);
	strbuf_puts(line, name ? name : "?");
	switch (m->type) {
	case CJM_PROTO_WELCOME:
		strbuf_printf(line, " session=%s participant=%lu", m->welcome.session, (unsigned long)m->welcome.participant);
		break;
	case CJM_PROTO_FOLLOW:
		strbuf_printf(line, " phase=%s touchpoint=%s", m->follow.phase, m->follow.touchpoint);
		break;
	case CJM_PROTO_VOTE_OPEN:
		strbuf_printf(line, " vote=%lu touchpoint=%s", (unsigned long)m->vote_open.vote, m->vote_open.touchpoint);
		break;
	case CJM_PROTO_VOTE_ANSWER:
		strbuf_printf(line, " vote=%lu", (unsigned long)m->vote_answer.vote);
		if (m->vote_answer.skip)
			strbuf_printf(line, " skip");
		else
			strbuf_printf(line, " score=%d", m->vote_answer.score);
		break;
	case CJM_PROTO_VOTE_REVEAL:
		strbuf_printf(line, " vote=%lu touchpoint=%s all=", (unsigned long)m->vote_reveal.vote, m->vote_reveal.touchpoint);
		put_counts(line, &m->vote_reveal.all);
		for (size_t i = 0; i < m->vote_reveal.team_count; i++) {
			strbuf_printf(line, " team(%s)=", m->vote_reveal.teams[i].team);
			put_counts(line, &m->vote_reveal.teams[i].counts);
		}
		break;
	case CJM_PROTO_NOTE_RESULT:
		strbuf_printf(line, " note=%lu %s", (unsigned long)m->note_result.note,
		       m->note_result.outcome == CJM_PROTO_ACCEPTED ? "accepted" : "dropped");
		break;
	case CJM_PROTO_MAP_CHUNK:
		strbuf_printf(line, " revision=%lu total=%lu offset=%lu len=%zu", (unsigned long)m->map_chunk.revision,
		       (unsigned long)m->map_chunk.total, (unsigned long)m->map_chunk.offset, m->map_chunk.len);
		break;
	case CJM_PROTO_BYE:
		strbuf_printf(line, " reason=%s", m->bye.reason);
		break;
	case CJM_PROTO_VOTE_END:
		strbuf_printf(line, " vote=%lu", (unsigned long)m->vote_end.vote);
		break;
	case CJM_PROTO_MAP_SPLICE:
		strbuf_printf(line, " revision=%lu base=%lu total=%lu offset=%lu removed=%lu len=%zu",
			      (unsigned long)m->map_splice.revision, (unsigned long)m->map_splice.base,
			      (unsigned long)m->map_splice.total, (unsigned long)m->map_splice.offset,
			      (unsigned long)m->map_splice.removed, m->map_splice.len);
		break;
	default:
		break; /* the reader refuses what the facilitator may not send */
	}
}

/* Waits until the host sends a whole message (*MSG, to free), closes the
 * connection, or DEADLINE (monotonic ms) passes. */
static event next_event(peer *p, long long deadline, cjm_proto_msg **msg)
{
	for (;;) {
		if (!p->malformed) {
			cjm_proto_status status = cjm_proto_reader_next(p->reader, msg);
			if (status == CJM_PROTO_MESSAGE)
				return EV_MESSAGE;
			if (status == CJM_PROTO_ERROR) {
				printf("malformed: %s (at byte %llu)\n", cjm_proto_reader_error(p->reader),
				       (unsigned long long)cjm_proto_reader_offset(p->reader));
				fflush(stdout);
				p->malformed = true;
			}
		}
		if (p->eof)
			return EV_CLOSED;
		long long left = deadline - now_ms();
		if (left <= 0)
			return EV_TIMEOUT;
		struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
		if (poll(&pfd, 1, (int)left) <= 0)
			continue; /* EINTR, or the deadline: looked at again above */
		char buf[65536];
		ssize_t got = recv(p->fd, buf, sizeof buf, MSG_DONTWAIT);
		if (got < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
			continue;
		if (got <= 0) {
			p->eof = true; /* an end of file, or a reset: closed either way */
			continue;
		}
		if (!p->malformed)
			cjm_proto_reader_feed(p->reader, buf, (size_t)got);
	}
}

/* Reads and prints until a message's line begins with WANT (NULL: until the host
 * closes the connection). */
static int wait_for(peer *p, const char *want)
{
	long long deadline = now_ms() + p->timeout_ms;
	for (;;) {
		cjm_proto_msg *msg = NULL;
		event ev = next_event(p, deadline, &msg);
		if (ev == EV_TIMEOUT) {
			fprintf(stderr, "live_peer: %s%s%s not within %lld ms\n", want ? "'" : "",
				want ? want : "the host closing the connection", want ? "'" : "", p->timeout_ms);
			return EXIT_WAIT;
		}
		if (ev == EV_CLOSED) {
			if (!p->told)
				printf("closed\n");
			p->told = true;
			fflush(stdout);
			if (!want)
				return EXIT_DONE;
			fprintf(stderr, "live_peer: the connection was closed before '%s'\n", want);
			return EXIT_WAIT;
		}
		strbuf line = { 0 };
		put_message(&line, msg);
		printf("%s\n", line.data);
		fflush(stdout);
		bool found = want && strncmp(line.data, want, strlen(want)) == 0;
		strbuf_release(&line);
		cjm_proto_msg_free(msg);
		if (found)
			return EXIT_DONE;
	}
}

/* Writes OUT to the host, waiting for room at most the timeout. A connection the
 * host has closed takes nothing more, quietly: a later wait sees it closed. */
static void send_all(peer *p, const strbuf *out)
{
	long long deadline = now_ms() + p->timeout_ms;
	size_t at = 0;
	while (at < out->len) {
		ssize_t n = send(p->fd, out->data + at, out->len - at, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n > 0) {
			at += (size_t)n;
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
			return;
		long long left = deadline - now_ms();
		if (left <= 0) {
			fprintf(stderr, "live_peer: the host took only %zu of %zu bytes\n", at, out->len);
			return;
		}
		struct pollfd pfd = { .fd = p->fd, .events = POLLOUT };
		poll(&pfd, 1, (int)left);
	}
}

/* Waits, reading nothing, until PATH exists. */
static int hold(peer *p, const char *path)
{
	long long deadline = now_ms() + p->timeout_ms;
	struct stat st;
	while (stat(path, &st) != 0) {
		if (now_ms() >= deadline) {
			fprintf(stderr, "live_peer: %s did not come within %lld ms\n", path, p->timeout_ms);
			return EXIT_WAIT;
		}
		poll(NULL, 0, 20);
	}
	return EXIT_DONE;
}

static int bad_script(const char *line, const char *why)
{
	fprintf(stderr, "live_peer: %s: %s\n", line, why);
	return EXIT_SCRIPT;
}

/* A word of TEXT with its escapes undone ("-" is the empty string); NULL when it has a bad escape. */
static char *text_arg(char *word)
{
	size_t len;
	if (!word)
		return NULL;
	if (strcmp(word, "-") == 0)
		return word + 1;
	return unescape(word, &len) ? word : NULL;
}

/* Builds the message of a command that sends one, into MSG; false when the command is not one. */
static bool build_message(const char *cmd, char **s, cjm_proto_msg *msg, const char **why)
{
	long long a;
	*why = "a field is missing or out of range";
	if (strcmp(cmd, "hello") == 0 || strcmp(cmd, "observer") == 0) {
		msg->type = CJM_PROTO_HELLO;
		msg->hello.role = cmd[0] == 'h' ? CJM_PROTO_ROLE_PARTICIPANT : CJM_PROTO_ROLE_OBSERVER;
		msg->hello.name = text_arg(next_word(s));
		char *team = next_word(s);
		msg->hello.team = team ? text_arg(team) : "";
		return msg->hello.name && msg->hello.team;
	}
	if (strcmp(cmd, "answer") == 0) {
		msg->type = CJM_PROTO_VOTE_ANSWER;
		if (!number(next_word(s), 0, 0xffffffffLL, &a))
			return false;
		msg->vote_answer.vote = (uint32_t)a;
		char *score = next_word(s);
		msg->vote_answer.skip = score && strcmp(score, "skip") == 0;
		if (msg->vote_answer.skip)
			return true;
		if (!number(score, -128, 127, &a))
			return false;
		msg->vote_answer.score = (int)a;
		return true;
	}
	if (strcmp(cmd, "note") == 0) {
		msg->type = CJM_PROTO_NOTE_PROPOSE;
		if (!number(next_word(s), 0, 0xffffffffLL, &a))
			return false;
		msg->note_propose.note = (uint32_t)a;
		msg->note_propose.touchpoint = text_arg(next_word(s));
		char *kind = next_word(s);
		if (!kind)
			return false;
		if (strcmp(kind, "pain") == 0)
			msg->note_propose.kind = CJM_PROTO_NOTE_PAIN;
		else if (strcmp(kind, "idea") == 0)
			msg->note_propose.kind = CJM_PROTO_NOTE_IDEA;
		else if (strcmp(kind, "quote") == 0)
			msg->note_propose.kind = CJM_PROTO_NOTE_QUOTE;
		else
			return false;
		msg->note_propose.text = text_arg(rest(s));
		return msg->note_propose.touchpoint && msg->note_propose.text;
	}
	if (strcmp(cmd, "follow") == 0) {
		msg->type = CJM_PROTO_FOLLOW;
		msg->follow.phase = text_arg(next_word(s));
		msg->follow.touchpoint = text_arg(next_word(s));
		return msg->follow.phase && msg->follow.touchpoint;
	}
	if (strcmp(cmd, "vote-open") == 0 || strcmp(cmd, "reveal") == 0) {
		bool open = cmd[0] == 'v';
		msg->type = open ? CJM_PROTO_VOTE_OPEN : CJM_PROTO_VOTE_REVEAL;
		if (!number(next_word(s), 0, 0xffffffffLL, &a))
			return false;
		char *touchpoint = text_arg(next_word(s));
		if (open) {
			msg->vote_open.vote = (uint32_t)a;
			msg->vote_open.touchpoint = touchpoint;
		} else {
			msg->vote_reveal.vote = (uint32_t)a;
			msg->vote_reveal.touchpoint = touchpoint;
		}
		return touchpoint != NULL;
	}
	if (strcmp(cmd, "map") == 0) {
		msg->type = CJM_PROTO_MAP_CHUNK;
		char *text = rest(s);
		size_t len;
		if (!unescape(text, &len))
			return false;
		msg->map_chunk.revision = 1;
		msg->map_chunk.total = (uint32_t)len;
		msg->map_chunk.len = len;
		msg->map_chunk.data = text;
		return true;
	}
	if (strcmp(cmd, "bye") == 0) {
		msg->type = CJM_PROTO_BYE;
		msg->bye.reason = text_arg(rest(s));
		return msg->bye.reason != NULL;
	}
	*why = "no such command (live_peer -h lists them)";
	return false;
}

/* Runs one command LINE (changed in place). */
static int run_command(peer *p, char *line)
{
	char *copy = strdup(line), *s = line;
	char *cmd = next_word(&s);
	int code = EXIT_DONE;
	strbuf out = { 0 };
	long long a, b;
	if (!cmd || cmd[0] == '#') {
		/* an empty line or a comment */
	} else if (strcmp(cmd, "expect") == 0) {
		code = *rest(&s) ? wait_for(p, rest(&s)) : bad_script(copy, "expect what?");
	} else if (strcmp(cmd, "closed") == 0) {
		code = wait_for(p, NULL);
	} else if (strcmp(cmd, "hold") == 0) {
		code = *rest(&s) ? hold(p, rest(&s)) : bad_script(copy, "hold for which file?");
	} else if (strcmp(cmd, "raw") == 0) {
		code = add_hex(&out, rest(&s)) ? EXIT_DONE : bad_script(copy, "not hex");
	} else if (strcmp(cmd, "header") == 0) {
		if (number(next_word(&s), 0, 255, &a) && number(next_word(&s), 0, 0xffffffffLL, &b))
			add_header(&out, (unsigned)a, (unsigned long)b);
		else
			code = bad_script(copy, "header TYPE LENGTH");
	} else if (strcmp(cmd, "frame") == 0) {
		strbuf payload = { 0 };
		if (number(next_word(&s), 0, 255, &a) && add_hex(&payload, rest(&s))) {
			add_header(&out, (unsigned)a, payload.len);
			strbuf_add(&out, payload.data ? payload.data : "", payload.len);
		} else {
			code = bad_script(copy, "frame TYPE HEX");
		}
		strbuf_release(&payload);
	} else {
		cjm_proto_msg msg = { 0 };
		const char *why;
		char *refused = NULL;
		if (!build_message(cmd, &s, &msg, &why))
			code = bad_script(copy, why);
		else if (!cjm_proto_encode(&out, &msg, &refused))
			code = bad_script(copy, refused ? refused : "not a valid message");
		free(refused);
	}
	if (code == EXIT_DONE && out.len)
		send_all(p, &out);
	strbuf_release(&out);
	free(copy);
	return code;
}

/* Connects to PATH; -1 with the reason said when it cannot. */
static int connect_to(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	if (strlen(path) >= sizeof sun.sun_path) {
		fprintf(stderr, "live_peer: %s: too long for a socket's path\n", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		fprintf(stderr, "live_peer: cannot connect to %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	peer p = { .fd = -1, .timeout_ms = 10000 };
	int i = 1;
	if (i < argc && (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
		fputs(USAGE, stdout);
		return EXIT_DONE;
	}
	if (i + 1 < argc && strcmp(argv[i], "-t") == 0) {
		long long seconds;
		if (!number(argv[i + 1], 1, 3600, &seconds)) {
			fputs(USAGE, stderr);
			return EXIT_SCRIPT;
		}
		p.timeout_ms = seconds * 1000;
		i += 2;
	}
	if (i >= argc) {
		fputs(USAGE, stderr);
		return EXIT_SCRIPT;
	}
	p.fd = connect_to(argv[i++]);
	if (p.fd < 0)
		return EXIT_CONNECT;
	p.reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	int code = EXIT_DONE;
	if (i < argc) {
		for (; i < argc && code == EXIT_DONE; i++) {
			char *line = strdup(argv[i]);
			code = run_command(&p, line);
			free(line);
		}
	} else {
		char *line = NULL;
		size_t cap = 0;
		ssize_t len;
		while (code == EXIT_DONE && (len = getline(&line, &cap, stdin)) >= 0) {
			if (len > 0 && line[len - 1] == '\n')
				line[len - 1] = '\0';
			code = run_command(&p, line);
		}
		free(line);
	}
	cjm_proto_reader_free(p.reader);
	close(p.fd);
	return code;
}
