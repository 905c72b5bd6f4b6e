// Model adapters: the production glmnet fit against the truth file, λ paths,
// cv.glmnet, lm, JSON models, and the errors for everything else.
import {describe as suite, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {ModelError, modelFromJson, modelFromR, type LinearModel} from "../../loaders/model/index.js";
import {readRds, type RValue} from "../../loaders/rds/index.js";
import {bytes, extraDir, json, root} from "../builders/rds-fixtures.js";

type Coefficients = Record<string, number>;
const truth = json(`${root}test/fixtures/truth.json`) as {coefficients: Coefficients};
const expected = json(`${extraDir}models.json`) as {
  path: {lambda: number[]; by_lambda: Record<string, Coefficients>};
  cv: {lambda_min: number; lambda_1se: number; at_min: Coefficients; at_1se: Coefficients} & Record<string, Coefficients>;
  lm: Coefficients;
};

const load = (file: string): Promise<RValue> => readRds(bytes(file));

/** The model as R's coef() prints it: "(Intercept)" then the features. */
function asCoefficients(m: LinearModel): Coefficients {
  return Object.fromEntries([["(Intercept)", m.intercept], ...m.features.map((f, i) => [f, m.coefficients[i]])]);
}

function expectCoefficients(m: LinearModel, want: Coefficients): void {
  const got = asCoefficients(m);
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const [k, v] of Object.entries(want)) expect(Math.abs(got[k] - v), k).toBeLessThanOrEqual(1e-12);
}

/** models.json keys λ by sprintf("%.17g"). */
const key = (l: number): string => Object.keys(expected.path.by_lambda).find((k) => Number(k) === l)!;

suite("production model", () => {
  it("yields the intercept and 75 coefficients of truth.json at the configured λ", async () => {
    const m = modelFromR(await load(`${root}data/production_model.rds`));
    expect(config.model.lambda).toBe(0.05);
    expect(m).toMatchObject({kind: "elnet", lambda: 0.05});
    expect(m.features).toHaveLength(75);
    expectCoefficients(m, truth.coefficients);
  });
});

suite("glmnet λ paths", () => {
  it("selects each λ's column of beta and a0, zeros included", async () => {
    const fit = await load(`${extraDir}model_glmnet_path.rds`);
    for (const lambda of expected.path.lambda) {
      const m = modelFromR(fit, {lambda});
      expect(m.lambda).toBe(lambda);
      expectCoefficients(m, expected.path.by_lambda[key(lambda)]);
    }
    expect(modelFromR(fit, {lambda: 1}).coefficients.filter((b) => b === 0)).toHaveLength(3);
  });

  it("matches λ with a relative tolerance of 1e-9 and lists the path otherwise", async () => {
    const fit = await load(`${extraDir}model_glmnet_path.rds`);
    expect(modelFromR(fit, {lambda: 0.05 * (1 + 5e-10)}).lambda).toBe(0.05);
    expect(() => modelFromR(fit, {lambda: 0.05 * (1 + 1e-8)})).toThrow(ModelError);
    expect(() => modelFromR(fit, {lambda: 0.2})).toThrow("the model has no λ = 0.2; its λ values are 1, 0.5, 0.05, 0.01");
    expect(() => modelFromR(fit, {lambda: "lambda.min"})).toThrow(/only exists for a cv.glmnet/);
  });
});

suite("cv.glmnet", () => {
  it("scores with its glmnet.fit at 0.05 by default, or at lambda.min / lambda.1se", async () => {
    const cv = await load(`${extraDir}model_cv_glmnet.rds`);
    const byDefault = modelFromR(cv);
    expect(byDefault).toMatchObject({kind: "cv.glmnet", lambda: 0.05});
    expectCoefficients(byDefault, expected.cv["at_0.05"]);
    expect(modelFromR(cv, {lambda: "lambda.min"}).lambda).toBe(expected.cv.lambda_min);
    expectCoefficients(modelFromR(cv, {lambda: "lambda.min"}), expected.cv.at_min);
    expectCoefficients(modelFromR(cv, {lambda: "lambda.1se"}), expected.cv.at_1se);
  });
});

suite("lm", () => {
  it("takes the intercept and the named coefficients", async () => {
    const m = modelFromR(await load(`${extraDir}model_lm.rds`));
    expect(m).toMatchObject({kind: "lm", lambda: null, features: ["cost", "weight", "rating"]});
    expectCoefficients(m, expected.lm);
  });
});

suite("anything else", () => {
  it("names the class it found", async () => {
    await expect(load(`${extraDir}model_lognet.rds`).then((v) => modelFromR(v))).rejects.toThrow(/class "lognet\/glmnet"/);
    const df = await load(`${extraDir}data_frame.xdr_v3.rds`);
    expect(() => modelFromR(df)).toThrow(/class "data.frame"/);
    const plain = await load(`${extraDir}doubles.xdr_v3.rds`);
    expect(() => modelFromR(plain)).toThrow(/a double value/);
  });
});

suite("modelFromJson", () => {
  const good = {kind: "elnet", lambda: 0.05, intercept: -1.5, coefficients: {b: 2, a: -0.5}};

  it("keeps the feature order of the JSON", () => {
    expect(modelFromJson(good)).toEqual({kind: "elnet", lambda: 0.05, intercept: -1.5, features: ["b", "a"], coefficients: [2, -0.5]});
    expect(modelFromJson({kind: "lm", intercept: 1, coefficients: {x: 1}}).lambda).toBeNull();
  });

  it("rejects malformed models with a plain message", () => {
    const bad: [unknown, RegExp][] = [
      [null, /must be an object/],
      [[1], /must be an object/],
      [{...good, kind: "ridge"}, /"kind" must be one of/],
      [{...good, lambda: -1}, /"lambda" must be a positive number/],
      [{...good, lambda: undefined}, /"lambda" must be a positive number/],
      [{...good, kind: "lm"}, /an lm model has no "lambda"/],
      [{...good, intercept: "1"}, /"intercept" must be a finite number/],
      [{...good, coefficients: [1, 2]}, /"coefficients" must be an object/],
      [{...good, coefficients: {}}, /is empty/],
      [{...good, coefficients: {x: null}}, /coefficient of "x"/],
      [{...good, coefficients: {"(Intercept)": 1}}, /give the intercept as "intercept"/],
    ];
    for (const [input, message] of bad) expect(() => modelFromJson(input)).toThrow(message);
    expect(() => modelFromJson(null)).toThrow(ModelError);
  });
});
