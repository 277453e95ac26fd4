// What a trainer's editor shows for scenario files: the YAML language server, the engine of VS Code's
// YAML extension, reading each file's `# yaml-language-server: $schema=...` line as the editor does.
// stdin: [{"file": PATH, "asks": [["complete" | "hover", line, character] | ["problems"]]}, ...] (lines from 0)
// stdout: per file, per ask: the completion items, the hover, or the diagnostics.
const fs = require("fs");
const path = require("path");
const { URI } = require("vscode-uri");
const { getLanguageService } = require("yaml-language-server");
const { TextDocument } = require("vscode-languageserver-textdocument");

const service = getLanguageService({
  schemaRequestService: async (uri) => fs.readFileSync(URI.parse(uri).fsPath, "utf8"),
  workspaceContext: {
    resolveRelativePath: (relative, resource) =>
      URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), relative)).toString(),
  },
});
service.configure({ validate: true, hover: true, completion: true, yamlVersion: "1.2" });

async function answer(file, asks) {
  const uri = URI.file(path.resolve(file)).toString();
  const document = TextDocument.create(uri, "yaml", 1, fs.readFileSync(file, "utf8"));
  const answers = [];
  for (const [kind, line, character] of asks) {
    const position = { line, character };
    if (kind === "complete") {
      const list = await service.doComplete(document, position, false);
      answers.push(list.items.map((item) => ({ label: item.label, documentation: item.documentation })));
    } else if (kind === "hover") {
      answers.push(await service.doHover(document, position));
    } else {
      answers.push(await service.doValidation(document, false));
    }
  }
  return answers;
}

async function main() {
  const requests = JSON.parse(fs.readFileSync(0, "utf8"));
  const results = [];
  for (const { file, asks } of requests) {
    results.push(await answer(file, asks));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
