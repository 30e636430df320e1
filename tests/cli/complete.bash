# Runs bash's completion of cjm for one line, as bash does at a Tab, and prints the
# candidates one a line: bash --norc --noprofile tests/cli/complete.bash SCRIPT WORD...
# SCRIPT is what `cjm completion bash` printed; the last WORD is the one completed
# (give '' to complete an empty word). The function called is the one SCRIPT
# registered for cjm (complete -p cjm). Bash code (complete, compgen, arrays), so
# not a .sh script: tests/cli/test_completion.sh runs it with bash.
. "$1" || exit 1
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
spec=$(complete -p cjm) || exit 1
function=${spec#*-F }
function=${function%% *}
"$function"
[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
