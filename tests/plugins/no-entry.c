/* A test plugin that is a shared object but lacks the entry point cjm_plugin_patterns. */
#include <cjm/plugin.h>

int cjm_not_the_entry_point(void);

int cjm_not_the_entry_point(void)
{
	return CJM_PLUGIN_ABI;
}
