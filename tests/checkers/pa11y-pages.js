// pa11y (WCAG 2 AA, HTML_CodeSniffer) over the given pages in one Debian Chromium; prints JSON
// {url: [issue]} on stdout. Usage: CHROME_PATH=/usr/bin/chromium node pa11y-pages.js URL...
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main(urls) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const results = {};
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      const report = await pa11y(url, { browser, page, standard: "WCAG2AA", timeout: 60000 });
      results[url] = report.issues;
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
