/** Settings of the deployment review that code reads instead of hard-coding. */
export const config = {
  model: {
    lambda: 0.05 /* brief: glmnet λ = 0.05 */,
  },
};
