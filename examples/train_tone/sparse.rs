//! L2-regularised logistic regressions over sparse rows, solved by L-BFGS (`argmin`).
//!
//! A sentence has a few hundred features out of tens of thousands: a dense matrix (what
//! `linfa-logistic` takes) made each fit cost minutes and gigabytes, so the leave-one-writer-out
//! validation over a dozen writers took hours. Here a row holds only its non-zero features and
//! a fit takes about a second. The loss is the same as linfa's: the summed (weighted) log loss
//! plus `alpha / 2 · |w|²`, the intercept not regularised.

use argmin::core::{CostFunction, Executor, Gradient};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use ndarray::Array1;

/// Rows of (feature index, value) pairs.
pub struct Rows {
    pub rows: Vec<Vec<(u32, f32)>>,
    pub features: usize,
}

impl Rows {
    fn dot(&self, r: usize, w: &Array1<f64>, offset: usize) -> f64 {
        self.rows[r]
            .iter()
            .map(|&(j, v)| w[offset + j as usize] * f64::from(v))
            .sum()
    }
}

/// log(1 + e^x), without overflow.
fn softplus(x: f64) -> f64 {
    if x > 30.0 { x } else { x.exp().ln_1p() }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Harsh against acceptable: parameters are the weights, then the intercept.
struct Binary<'a> {
    x: &'a Rows,
    /// +1 for harsh, −1 for acceptable.
    y: Vec<f64>,
    weight: &'a [f64],
    alpha: f64,
}

impl CostFunction for Binary<'_> {
    type Param = Array1<f64>;
    type Output = f64;
    fn cost(&self, p: &Array1<f64>) -> Result<f64, argmin::core::Error> {
        let n = self.x.features;
        let mut loss = 0.0;
        for r in 0..self.x.rows.len() {
            let z = self.x.dot(r, p, 0) + p[n];
            loss += self.weight[r] * softplus(-self.y[r] * z);
        }
        let reg: f64 = p.iter().take(n).map(|w| w * w).sum();
        Ok(loss + 0.5 * self.alpha * reg)
    }
}

impl Gradient for Binary<'_> {
    type Param = Array1<f64>;
    type Gradient = Array1<f64>;
    fn gradient(&self, p: &Array1<f64>) -> Result<Array1<f64>, argmin::core::Error> {
        let n = self.x.features;
        let mut g = Array1::<f64>::zeros(n + 1);
        for r in 0..self.x.rows.len() {
            let z = self.x.dot(r, p, 0) + p[n];
            // d/dz of softplus(−y·z) is −y·σ(−y·z).
            let d = -self.y[r] * sigmoid(-self.y[r] * z) * self.weight[r];
            for &(j, v) in &self.x.rows[r] {
                g[j as usize] += d * f64::from(v);
            }
            g[n] += d;
        }
        for j in 0..n {
            g[j] += self.alpha * p[j];
        }
        Ok(g)
    }
}

/// Fits harsh (true) against acceptable; returns the weights and the intercept.
pub fn fit_binary(
    x: &Rows,
    harsh: &[bool],
    weight: &[f64],
    alpha: f64,
    iterations: u64,
) -> (Vec<f32>, f32) {
    let problem = Binary {
        x,
        y: harsh.iter().map(|&h| if h { 1.0 } else { -1.0 }).collect(),
        weight,
        alpha,
    };
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(1e-5)
        .expect("a valid tolerance");
    let result = Executor::new(problem, solver)
        .configure(|s| s.param(Array1::zeros(x.features + 1)).max_iters(iterations))
        .run()
        .expect("L-BFGS runs");
    let p = result.state.best_param.expect("a solution");
    let w = p.iter().take(x.features).map(|&v| v as f32).collect();
    (w, p[x.features] as f32)
}

/// Among harsh sentences, which kind: a softmax over `k` kinds. Parameters are, per kind,
/// the weights then the intercept.
struct Multi<'a> {
    x: &'a Rows,
    y: &'a [usize],
    k: usize,
    alpha: f64,
}

impl Multi<'_> {
    fn stride(&self) -> usize {
        self.x.features + 1
    }

    /// The softmax probabilities of row `r`.
    fn probabilities(&self, p: &Array1<f64>, r: usize) -> Vec<f64> {
        let s = self.stride();
        let z: Vec<f64> = (0..self.k)
            .map(|c| self.x.dot(r, p, c * s) + p[c * s + self.x.features])
            .collect();
        let max = z.iter().copied().fold(f64::MIN, f64::max);
        let e: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
        let sum: f64 = e.iter().sum();
        e.into_iter().map(|v| v / sum).collect()
    }

    fn regularised(&self, p: &Array1<f64>, c: usize, j: usize) -> f64 {
        p[c * self.stride() + j]
    }
}

impl CostFunction for Multi<'_> {
    type Param = Array1<f64>;
    type Output = f64;
    fn cost(&self, p: &Array1<f64>) -> Result<f64, argmin::core::Error> {
        let mut loss = 0.0;
        for r in 0..self.x.rows.len() {
            loss -= self.probabilities(p, r)[self.y[r]].max(1e-300).ln();
        }
        let mut reg = 0.0;
        for c in 0..self.k {
            for j in 0..self.x.features {
                reg += self.regularised(p, c, j).powi(2);
            }
        }
        Ok(loss + 0.5 * self.alpha * reg)
    }
}

impl Gradient for Multi<'_> {
    type Param = Array1<f64>;
    type Gradient = Array1<f64>;
    fn gradient(&self, p: &Array1<f64>) -> Result<Array1<f64>, argmin::core::Error> {
        let s = self.stride();
        let mut g = Array1::<f64>::zeros(self.k * s);
        for r in 0..self.x.rows.len() {
            let probs = self.probabilities(p, r);
            for (c, prob) in probs.into_iter().enumerate() {
                let d = prob - f64::from(u8::from(c == self.y[r]));
                for &(j, v) in &self.x.rows[r] {
                    g[c * s + j as usize] += d * f64::from(v);
                }
                g[c * s + self.x.features] += d;
            }
        }
        for c in 0..self.k {
            for j in 0..self.x.features {
                g[c * s + j] += self.alpha * self.regularised(p, c, j);
            }
        }
        Ok(g)
    }
}

/// Fits a softmax over `k` kinds; returns per feature its `k` weights, and the `k` intercepts.
pub fn fit_multi(
    x: &Rows,
    y: &[usize],
    k: usize,
    alpha: f64,
    iterations: u64,
) -> (Vec<Vec<f32>>, Vec<f32>) {
    let problem = Multi { x, y, k, alpha };
    let s = x.features + 1;
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(1e-4)
        .expect("a valid tolerance");
    let result = Executor::new(problem, solver)
        .configure(|st| st.param(Array1::zeros(k * s)).max_iters(iterations))
        .run()
        .expect("L-BFGS runs");
    let p = result.state.best_param.expect("a solution");
    let weights = (0..x.features)
        .map(|j| (0..k).map(|c| p[c * s + j] as f32).collect())
        .collect();
    let bias = (0..k).map(|c| p[c * s + x.features] as f32).collect();
    (weights, bias)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_a_feature_that_decides() {
        let x = Rows {
            rows: vec![
                vec![(0, 1.0)],
                vec![(0, 1.0)],
                vec![(1, 1.0)],
                vec![(1, 1.0)],
            ],
            features: 2,
        };
        let (w, _) = fit_binary(&x, &[true, true, false, false], &[1.0; 4], 0.1, 100);
        assert!(w[0] > 1.0 && w[1] < -1.0, "{w:?}");
        let (w, _) = fit_multi(&x, &[0, 0, 1, 1], 2, 0.1, 100);
        assert!(w[0][0] > w[0][1] && w[1][1] > w[1][0], "{w:?}");
    }
}
