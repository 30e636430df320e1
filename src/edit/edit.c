/* Stub (being written). */
#include "edit/edit.h"
