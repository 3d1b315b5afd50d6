// SPDX-License-Identifier: MIT
/// @file detail/random.hpp (libsim/src: private, not installed)
/// The random numbers of libsim, shared by every part that draws them (the simulation
/// engine; the fit's bootstrap may use it too): stream seeds, and our own uniform,
/// exponential and normal variates on mt19937_64, identical on every standard library
/// (std::*_distribution differ between libraries). Header-only so the engine's hot loop
/// inlines the draws.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace lambdasim::detail {

/// The seed of replication `index` of a stream seeded `seed` (splitmix64 mixing).
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  auto mix = [](std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  return mix(mix(seed) ^ index);
}

/// Ziggurat tables (Marsaglia & Tsang 2000, 256 layers) for a decreasing density f on
/// [0, inf): layer i is a rectangle of width x[i] between f(x[i]) and f(x[i+1]); every
/// layer (the base including the tail beyond r) has area v.
struct ziggurat {
  double x[257];
  double f[257];
  template <class F, class Finv>
  ziggurat(double r, double v, F density, Finv inverse) {
    x[0] = v / density(r);
    x[1] = r;
    for (int i = 1; i < 256; ++i) {
      const double y = v / x[i] + density(x[i]);
      x[i + 1] = y < 1 ? inverse(y) : 0;
    }
    x[256] = 0;
    for (int i = 0; i <= 256; ++i) f[i] = density(x[i]);
    f[0] = 0;  // only used as the lower bound of layer 0's wedge, which is never tested
  }
};

inline const ziggurat& normal_table() {
  static const ziggurat z(
      3.6541528853610088, 4.92867323399e-3,
      [](double t) { return std::exp(-0.5 * t * t); },
      [](double y) { return std::sqrt(-2 * std::log(y)); });
  return z;
}
inline const ziggurat& exponential_table() {
  static const ziggurat z(
      7.69711747013104972, 3.949659822581572e-3, [](double t) { return std::exp(-t); },
      [](double y) { return -std::log(y); });
  return z;
}

/// Our own distributions on mt19937_64 (std::*_distribution differ between libraries).
/// Exponential and normal variates by the ziggurat method: one 64-bit draw and a table
/// look-up for about 99 % of them.
struct rng {
  std::mt19937_64 g;
  const ziggurat& zn = normal_table();
  const ziggurat& ze = exponential_table();
  explicit rng(std::uint64_t seed) : g(seed) {}
  /// [0, 1) with 53 random bits
  double uniform() { return static_cast<double>(g() >> 11) * 0x1.0p-53; }
  /// Exp(1)
  double exponential() {
    double shift = 0;
    while (true) {
      const std::uint64_t b = g();
      const auto i = static_cast<int>(b & 255);
      const double x = static_cast<double>(b >> 11) * 0x1.0p-53 * ze.x[i];
      if (x < ze.x[i + 1]) return shift + x;
      if (i == 0) {  // the tail beyond r is r + Exp(1) (memoryless)
        shift += ze.x[1];
        continue;
      }
      if (ze.f[i] + uniform() * (ze.f[i + 1] - ze.f[i]) < std::exp(-x))
        return shift + x;
    }
  }
  /// N(0, 1)
  double normal() {
    while (true) {
      const std::uint64_t b = g();
      const auto i = static_cast<int>(b & 255);
      const bool negative = (b >> 8) & 1;
      const double x = static_cast<double>(b >> 11) * 0x1.0p-53 * zn.x[i];
      if (x < zn.x[i + 1]) return negative ? -x : x;
      if (i == 0) {  // tail beyond r (Marsaglia 1964)
        const double r = zn.x[1];
        double a, c;
        do {
          a = -std::log(1.0 - uniform()) / r;
          c = -std::log(1.0 - uniform());
        } while (2 * c < a * a);
        return negative ? -(r + a) : r + a;
      }
      if (zn.f[i] + uniform() * (zn.f[i + 1] - zn.f[i]) < std::exp(-0.5 * x * x))
        return negative ? -x : x;
    }
  }
};

/// The simulator's own variates from mt19937_64(seed), for testing the samplers:
/// Exp(1) and N(0, 1) by the ziggurat method (random.cpp).
std::vector<double> sample_exponential(std::uint64_t seed, std::size_t n);
std::vector<double> sample_normal(std::uint64_t seed, std::size_t n);

}  // namespace lambdasim::detail
