// SPDX-License-Identifier: MIT
/// @file billing.hpp
/// Deprecated: prices, billing rules and the per-invocation arithmetic moved to
/// prices.hpp. This forwarding header stays for one release.
#pragma once

#include "lambdasim/prices.hpp"
