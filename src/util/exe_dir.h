/* The folder of the running binary: where cjm finds what it was built or installed with (catalogues, manual pages). */
#ifndef CJM_EXE_DIR_H
#define CJM_EXE_DIR_H

/* The folder the running binary is in ("/usr/bin", "/src/cjm/build"), read once from
 * /proc/self/exe; NULL when it cannot be read. */
const char *exe_dir(void);

#endif
