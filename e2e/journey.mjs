// Followup's web app in a real browser (Debian's Chromium, driven by playwright-core):
// a new user's whole journey, once at desktop width and once at phone width (360 px),
// each against its own `followup serve` on a free port, a fresh database and a real SMTP
// server (PyPI aiosmtpd, writing a Maildir: the witness that a note arrives once).
// axe-core runs on every page visited: no serious or critical violation may remain.
// Hostile text typed into the forms must never run: any dialog fails the run.
// The calendar feed is fetched over HTTP and parsed by PyPI icalendar.
//
// Usage: node journey.mjs  (FOLLOWUP_BIN: the binary [../target/debug/followup];
// CHROMIUM: the browser [/usr/bin/chromium]; SCREENSHOTS=DIR: save the README's
// screenshots there). Screenshots of a failure go to e2e/artifacts/.

import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.FOLLOWUP_BIN || join(here, "..", "target", "debug", "followup");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const SHOTS = process.env.SCREENSHOTS || "";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const ARTIFACTS = join(here, "artifacts");

let checks = 0;
function ok(condition, what) {
  if (!condition) throw new Error(`failed: ${what}`);
  checks += 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/// Starts a process and resolves once a line of its output matches `ready`.
function start(cmd, args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start: ${seen}`)), 20000);
    const look = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    child.on("exit", (code) => reject(new Error(`${cmd} exited (${code}): ${seen}`)));
  });
}

async function smtpServer(dir) {
  const port = await freePort();
  const mailbox = join(dir, "mail");
  const args = ["-m", "aiosmtpd", "-n", "-d", "-l", `127.0.0.1:${port}`, "-c", "aiosmtpd.handlers.Mailbox", mailbox];
  const { child } = await start("python3", args, {}, /is listening|Server is listening|listening/i);
  return { child, port, delivered: () => ["new", "cur"].flatMap((d) => { try { return readdirSync(join(mailbox, d)); } catch { return []; } }).length };
}

async function followup(dir, smtpPort) {
  const env = {
    FOLLOWUP_DB: join(dir, "followup.db"),
    FOLLOWUP_CONFIG_DIR: join(dir, "config"),
    FOLLOWUP_SMTP_HOST: "127.0.0.1",
    FOLLOWUP_SMTP_PORT: String(smtpPort),
    FOLLOWUP_SMTP_SECURITY: "none",
  };
  const { child, match } = await start(BIN, ["serve", "--addr", "127.0.0.1:0"], env, /Followup is at (http:\/\/[0-9.:]+)\//);
  return { child, url: match[1] };
}

/// A date `days` from now as YYYY-MM-DD, in the browser's zone (Europe/London here).
function ymd(date) {
  const p = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/// The last weekday before today: when the interview was.
function lastWorkingDay() {
  const d = new Date();
  do d.setDate(d.getDate() - 1); while (d.getDay() === 0 || d.getDay() === 6);
  return d;
}

/// Next Tuesday within the coming six days (the Today page looks a week ahead); when
/// today is Tuesday, tomorrow.
function callbackDay() {
  const d = new Date();
  const ahead = ((2 - d.getDay() + 7) % 7) || 1;
  d.setDate(d.getDate() + (ahead === 7 ? 1 : ahead));
  return d;
}

const violations = [];
async function axe(page, name) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of result.violations) {
    if (v.impact === "serious" || v.impact === "critical") {
      violations.push(`${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`);
    }
  }
  checks += 1;
}

async function journey(browser, width, label) {
  const dir = mkdtempSync(join(tmpdir(), `followup-e2e-${label}-`));
  const smtp = await smtpServer(dir);
  const app = await followup(dir, smtp.port);
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 740 : 900 },
    timezoneId: "Europe/London",
    locale: "en-GB",
    acceptDownloads: true,
    // axe-core is injected as a script of its own; the app's policy forbids that, rightly.
    bypassCSP: true,
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const go = async (path) => { await page.goto(app.url + path); };
  const shot = async (name) => { if (SHOTS && label === "desktop") await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }); };
  try {
    // First run: the profile, the time zone detected from the browser.
    await go("/");
    ok(page.url().includes("/profile"), "a new user lands on the profile form");
    ok(await page.getByRole("heading", { name: "Welcome to Followup" }).isVisible(), "welcome heading");
    ok((await page.locator("#f-tz").inputValue()) === "Europe/London", "the zone is detected from the browser");
    await axe(page, "first run");
    await page.getByLabel("Your name").fill("Sam Carter");
    await page.getByLabel("Email address").fill("sam@example.com");
    await page.getByLabel("Phone number").fill("+44 7700 900123");
    await page.getByRole("button", { name: "Save" }).first().click();
    await page.waitForURL(/\/profile$/);
    ok(await page.getByText("Profile saved.").isVisible(), "profile saved");
    await page.getByLabel("Skill", { exact: true }).fill("SQL");
    await page.getByLabel("Evidence").fill("Built the reporting warehouse in SQL that finance uses every day.");
    await page.getByRole("button", { name: "Add the skill" }).click();
    ok(await page.getByText("Skill SQL saved.").isVisible(), "skill saved");
    await axe(page, "profile");

    // An application, and one whose fields try to run a script.
    await go("/applications/new");
    await axe(page, "new application");
    await page.getByLabel("Company").fill("Acme");
    await page.getByLabel("Role").fill("Data Analyst");
    await page.getByLabel("Job description").fill("We need strong SQL and Python. Experiment design is a plus.");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/applications\/app-/);
    const applicationUrl = page.url();
    await axe(page, "application");
    await go("/applications/new");
    await page.getByLabel("Company").fill("<script>alert(1)</script>");
    await page.getByLabel("Role").fill("\"><img src=x onerror=alert(1)>");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/applications\/app-/);
    await go("/applications");
    ok(await page.getByText("<script>alert(1)</script>").first().isVisible(), "hostile text shown as text");
    await axe(page, "applications");

    // The interview, held in New York yesterday (a working day).
    await page.goto(applicationUrl);
    await page.getByRole("link", { name: "Add an interview" }).click();
    await axe(page, "new interview");
    await page.getByLabel("When it started").fill(`${ymd(lastWorkingDay())}T10:00`);
    await page.getByLabel("Their time zone").fill("America/New_York");
    await page.getByRole("button", { name: "Add the interview" }).click();
    await page.waitForURL(/\/interviews\/int-/);
    const interviewUrl = page.url().split("#")[0];

    // The interviewer from a card scan.
    const card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Patel\r\nN:Patel;Priya;;;\r\nTITLE:Head of Analytics\r\nORG:Acme\r\nEMAIL;TYPE=work:priya@acme.example\r\nTEL;TYPE=work:+1 212 555 0100\r\nEND:VCARD\r\n";
    await page.getByLabel(/A \.vcf file/).setInputFiles({ name: "priya.vcf", mimeType: "text/vcard", buffer: Buffer.from(card) });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.waitForURL(/#panel/);
    ok(await page.getByRole("link", { name: "Priya Patel" }).isVisible(), "the card's person is on the panel");
    ok((await page.locator("#f-tz").inputValue()) === "", "an interviewer's zone is not filled with the browser's");
    await axe(page, "interview");

    // The thank-you note: a pleading line is flagged as typed, the suggestion applied.
    await page.getByRole("button", { name: "Write the thank-you note" }).click();
    await page.waitForURL(/\/drafts\/draft-/);
    const draftUrl = page.url();
    const text = page.locator("#f-text");
    await text.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" I really need this job.");
    const finding = page.locator("#findings").getByText("reads as pleading");
    await finding.waitFor({ timeout: 10000 });
    ok(true, "the finding appears while typing");
    await axe(page, "draft editor with a finding");
    await shot("draft-editor");
    await page.locator("#findings").getByRole("button", { name: /Apply the suggestion/ }).first().click();
    ok((await text.inputValue()).includes("I would welcome the chance to contribute in this role"), "the suggestion is applied");
    await finding.waitFor({ state: "detached", timeout: 10000 });
    ok(true, "the finding goes once the text is fixed");
    await page.getByRole("button", { name: "Approve this text" }).click();
    await page.getByRole("heading", { name: "Approved" }).waitFor();
    const approved = await page.locator("pre.text").innerText();
    ok(approved.includes("I would welcome the chance to contribute in this role"), "the approved text is the edited one");
    await page.getByRole("button", { name: "Send it now" }).click();
    await page.getByText(/^Sent\./).waitFor();
    ok(smtp.delivered() === 1, `the SMTP server received the note once (got ${smtp.delivered()})`);
    await page.goto(draftUrl);
    ok((await page.getByRole("button", { name: "Send it now" }).count()) === 0, "a sent note offers no second send");
    ok(smtp.delivered() === 1, "still once");

    // The follow-up call: they can't talk, and ask for a call back on Tuesday at 14:30
    // their time.
    await page.goto(interviewUrl);
    await page.getByRole("link", { name: "Make the follow-up call" }).click();
    await page.getByRole("button", { name: "Write the call script" }).click();
    await page.getByText("What to say").waitFor();
    ok((await page.locator("pre.script").innerText()).includes("Priya"), "the script names them");
    await axe(page, "call");
    await shot("call");
    await page.getByRole("radio", { name: "They couldn't talk" }).check();
    await page.getByLabel(/the time they agreed/).fill(`${ymd(callbackDay())}T14:30`);
    await page.locator("#callback-yours").getByText(/your time \(Europe\/London\)/).waitFor({ timeout: 10000 });
    ok(true, "the agreed time is shown in your zone beside the picker");
    await page.getByLabel(/Log it even if/).check();
    await page.getByRole("button", { name: "Save the call" }).click();
    await page.waitForURL(/\/today$/);
    ok(await page.getByText("Call logged: unavailable.").isVisible(), "the call is logged");
    const call = page.locator("li.step").filter({ hasText: "Follow-up call" }).filter({ hasText: "14:30" });
    ok((await call.count()) >= 1, "the new call is on Today at 14:30 their time");
    const both = await call.first().textContent();
    ok(both.includes("America/New_York") && both.includes("Your time") && both.includes("Their time"), "with both times");
    await axe(page, "today");
    await shot("today");

    // The letter, as a PDF to print.
    await page.goto(interviewUrl);
    await page.getByRole("button", { name: "… as a letter" }).click();
    await page.waitForURL(/\/drafts\/draft-/);
    await page.getByRole("button", { name: "Approve this text" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the letter (PDF)" }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    ok(pdf.subarray(0, 5).toString() === "%PDF-", "the letter is a PDF");

    // The other pages, checked for accessibility too.
    for (const path of ["/contacts", "/settings", "/calendar", "/backup"]) {
      await go(path);
      await axe(page, path);
    }

    // The calendar feed over HTTP, parsed by a parser that is not ours.
    await go("/calendar");
    const feedUrl = await page.locator("#feed").inputValue();
    const feed = await fetch(feedUrl);
    ok(feed.status === 200, "the feed answers");
    const ics = join(dir, "feed.ics");
    writeFileSync(ics, await feed.text());
    const events = execFileSync("python3", ["-c", "import icalendar,sys; c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read()); print(len(c.walk('VEVENT'))+len(c.walk('VTODO')))", ics]).toString().trim();
    ok(Number(events) > 0, `icalendar reads the feed's steps (${events})`);
    const wrong = await fetch(feedUrl.replace(/token=[0-9a-f]+/, "token=" + "0".repeat(64)));
    ok(wrong.status === 404, "a wrong token is 404");

    ok(dialogs.length === 0, `no script ran from typed text (dialogs: ${dialogs.join(", ")})`);
    ok(errors.length === 0, `no script errors on the pages (${errors.join("; ")})`);
  } catch (e) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `failure-${label}.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await context.close();
    app.child.kill("SIGINT");
    smtp.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  await journey(browser, 1280, "desktop");
  await journey(browser, 360, "phone");
  if (violations.length) {
    failed = true;
    console.error("accessibility: serious or critical violations:\n  " + violations.join("\n  "));
  }
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
} finally {
  await browser.close();
}
console.log(`e2e: ${checks} checks passed${failed ? ", then a failure (above)" : ""}`);
process.exit(failed ? 1 : 0);
