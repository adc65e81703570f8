// Playwright in Debian's Chromium (never a downloaded browser): the browser tests of dist/.
import { defineConfig } from "@playwright/test";

// PW_PORT lets two work trees run their browser tests side by side without sharing a server.
const port = Number(process.env.PW_PORT || 8089);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/artifacts/test-results",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: `cargo run --quiet --package xtask -- serve-dist --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: true,
  },
});
