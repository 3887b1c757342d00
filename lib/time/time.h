// PLACEHOLDER: the time stage (issue 3) replaces this header.
#pragma once
#include "core/types.h"
