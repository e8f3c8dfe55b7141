// The one function of this module is inline, in include/CWriteback.h; a C target needs one source file.
#include "CWriteback.h"
