// The functions of this module are inline, in include/CMemoryTuning.h; a C target needs one source file.
#include "CMemoryTuning.h"
