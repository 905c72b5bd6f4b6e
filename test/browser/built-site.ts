import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {root} from "../builders/helpers.js";
import {hasChromium, launch, sidebarLinks} from "./check.js";
import {serve} from "./server.js";

/**
 * The built site (dist/) served the plain static way, a browser, and the
 * sidebar's pages: what most browser suites open. `builtSite()` opens it
 * before the suite's tests and closes it after; its fields are read inside
 * the tests.
 */
export class BuiltSite {
  url = "";
  /** The sidebar's pages, as paths ("/drift.html"). */
  paths: string[] = [];
  #browser: Browser | undefined;
  #close: (() => Promise<void>) | undefined;

  get browser(): Browser {
    if (!this.#browser) throw new Error("the built site is opened in beforeAll: read it inside a test");
    return this.#browser;
  }

  async open(): Promise<void> {
    if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
    if (!existsSync(join(root, "dist/index.html"))) throw new Error("dist/ is not built: run npm run build (npm test does)");
    this.#browser = await launch();
    const server = await serve(join(root, "dist"));
    this.url = server.url;
    this.#close = server.close;
    const page = await this.#browser.newPage();
    await page.goto(this.url + "/");
    this.paths = (await sidebarLinks(page)).map(({href}) => new URL(href).pathname);
    await page.close();
  }

  async close(): Promise<void> {
    await this.#browser?.close();
    await this.#close?.();
  }
}

export function builtSite(): BuiltSite {
  const site = new BuiltSite();
  beforeAll(() => site.open(), 60_000);
  afterAll(() => site.close());
  return site;
}
