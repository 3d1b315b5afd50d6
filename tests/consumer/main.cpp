// SPDX-License-Identifier: MIT
// Uses the public API as an embedder would; exits non-zero on a wrong answer.
#include <cmath>
#include <cstdio>
#include <lambdasim/curve.hpp>
#include <lambdasim/version.hpp>

int main() {
  using namespace lambdasim;
  profile w;
  w.components = {component::cpu(1000), component::io(100)};
  const platform p = platform::aws_lambda();
  const price_table prices = price_table::aws("us-east-1", architecture::arm64);
  const curve_result c = curve(w, p, prices);
  // At 1769 MB (index 1769 - 128) one vCPU: 100 + 1000 ms.
  const double warm = c.warm_ms[1769 - 128];
  std::printf("lambdasim %s: %td sizes, warm at 1769 MB = %.3f ms\n", version,
              c.warm_ms.size(), warm);
  return (c.warm_ms.size() == 10113 && std::abs(warm - 1100) < 1e-9) ? 0 : 1;
}
