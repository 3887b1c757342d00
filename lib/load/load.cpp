// PLACEHOLDER
#include "load/load.h"
