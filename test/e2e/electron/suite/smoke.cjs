// Smoke tests in a real VS Code: the extension activates, the server checks a document, the
// quick fixes and "fix all" edit it, the reading age is reported. Waits on VS Code events
// (onDidChangeDiagnostics) with time limits, never on fixed sleeps.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const workspace = process.env.PLAINWORDS_E2E_WORKSPACE || (vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0].uri.fsPath);

function plainWords(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Plain Words');
}

/** Resolve with the Plain Words diagnostics of `uri` once `test` accepts them. */
function diagnosticsWhere(uri, test, what, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = plainWords(uri);
      if (test(found)) {
        done();
        resolve(found);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}; have ${JSON.stringify(plainWords(uri).map((d) => d.code))}`));
    }, timeoutMs);
    function done() {
      sub.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

const codeOf = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function openFixture(relative) {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspace, relative)));
  await vscode.window.showTextDocument(document);
  return document;
}

const tests = [
  {
    name: 'the extension activates and returns its API',
    async fn() {
      const extension = vscode.extensions.getExtension('plainwords.plainwords');
      assert.ok(extension, 'plainwords.plainwords is installed');
      const api = await extension.activate();
      assert.ok(api.client && api.client.isRunning(), 'the language server is running');
    },
  },
  {
    name: 'a markdown file with jargon gets the expected findings',
    async fn() {
      const document = await openFixture('guide.md');
      const found = await diagnosticsWhere(document.uri, (ds) => ds.length >= 3, 'three findings in guide.md');
      assert.deepEqual(found.map(codeOf).sort(), ['going-forward', 'medication', 'utilise']);
      const utilise = found.find((d) => codeOf(d) === 'utilise');
      assert.equal(document.getText(utilise.range), 'utilise');
      assert.equal(utilise.severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(utilise.code.target, 'the finding links to its dictionary entry');
    },
  },
  {
    name: 'the preferred quick fix replaces exactly the flagged word',
    async fn() {
      const document = await openFixture('guide.md');
      const [utilise] = (await diagnosticsWhere(document.uri, (ds) => ds.some((d) => codeOf(d) === 'utilise'), 'the "utilise" finding')).filter((d) => codeOf(d) === 'utilise');
      const before = document.getText();
      // One CI run got no actions here while the finding was shown, and another had the request
      // rejected as "Canceled" by the editor (cause not found: the editor that showTextDocument
      // opened cancelling requests made while it settles; the server answers [] when cancelled,
      // never an error). Ask up to three times, and say in the log when an attempt got nothing
      // or was cancelled, so the race stays visible.
      let actions = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, utilise.range, vscode.CodeActionKind.QuickFix.value);
        } catch (e) {
          if (attempt === 3 || !e || e.name !== 'Canceled') throw e;
          console.log(`plainwords smoke: attempt ${attempt} was cancelled by the editor (${e.message}); asking again`);
          actions = [];
        }
        if (actions.some((a) => a.isPreferred)) break;
        console.log(`plainwords smoke: attempt ${attempt} got no preferred quick fix (${JSON.stringify(actions.map((a) => a.title))}); asking again`);
        await new Promise((r) => setTimeout(r, 300));
      }
      const preferred = actions.find((a) => a.isPreferred);
      // Say what came back when there is no preferred fix, so a failure can be told apart.
      assert.ok(preferred, `a preferred quick fix at ${JSON.stringify(utilise.range)}; got ${JSON.stringify(actions.map((a) => a.title))}; diagnostics ${JSON.stringify(plainWords(document.uri).map((d) => [codeOf(d), d.range]))}`);
      assert.equal(preferred.title, 'Replace “utilise” with “use”');
      assert.ok(await vscode.workspace.applyEdit(preferred.edit));
      const offset = before.indexOf('utilise');
      assert.equal(document.getText(), before.slice(0, offset) + 'use' + before.slice(offset + 'utilise'.length));
      await diagnosticsWhere(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'utilise'), 'the fixed finding to go');
    },
  },
  {
    name: 'Fix All in This Document applies every fix with one clear answer',
    async fn() {
      const document = await openFixture('docs/letter.md');
      await diagnosticsWhere(document.uri, (ds) => ds.some((d) => codeOf(d) === 'medication'), 'the findings in letter.md');
      const before = document.getText();
      await vscode.commands.executeCommand('plainwords.fixAll');
      assert.equal(document.getText(), before.replace('your medication', 'your medicine').replace('in order to plan', 'to plan'));
    },
  },
  {
    name: 'the readability report request gives the reading age against the target',
    async fn() {
      const document = await openFixture('guide.md');
      const api = vscode.extensions.getExtension('plainwords.plainwords').exports;
      const report = await api.readability(document.uri);
      assert.equal(report.target, 9);
      assert.equal(report.sections.length, 2);
      assert.equal(typeof report.readingAge, 'number');
      await vscode.commands.executeCommand('plainwords.showReadabilityReport');
    },
  },
];

module.exports = { tests };
