// Builds the add-in: one page (taskpane.html) that hosts the task pane AND the custom functions,
// because the manifest declares a shared runtime. functions.json is generated from the JSDoc.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { NormalModuleReplacementPlugin } = require("webpack");
const { corsHeaders } = require("./scripts/cors");
const { TrimThemePlugin } = require("./scripts/webpack/trimTheme");

const urlDev = "https://localhost:3000/";

/**
 * Where IT hosts the files in production: `ADDIN_PUBLIC_URL=https://intranet.example/jx npm run build`.
 * Every URL in the manifest is the dev URL with a path after it, so the base must end in "/".
 */
function productionUrl() {
  const given = (process.env.ADDIN_PUBLIC_URL || "").trim();
  if (!given) {
    console.warn("webpack: ADDIN_PUBLIC_URL is not set; dist/manifest.xml points at https://localhost:3000/.");
    return urlDev;
  }
  if (!/^https:\/\//i.test(given))
    console.warn(`webpack: ADDIN_PUBLIC_URL ${given} is not https; Office loads add-ins over HTTPS only.`);
  return given.endsWith("/") ? given : `${given}/`;
}

module.exports = (env, options) => {
  const dev = options.mode !== "production";
  const urlProd = dev ? urlDev : productionUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The manifest's Script: the JX functions on their own (bench bundle.functions.gzip_kb).
      functions: "./src/functions/functions.ts",
      // The pane. Under the shared runtime this page also registers the JX functions, and loads
      // their code after its first paint (src/functions/onDemand.ts), sharing the engine's chunks
      // with the pane's panels: taskpane.html loads taskpane.js alone.
      taskpane: "./src/taskpane/index.tsx",
      // The pane's check worker (src/taskpane/checkWorker.ts starts it on the first check): the engine
      // off the pane's thread. Not in taskpane.html, so it costs nothing before the first paint.
      "check-worker": "./src/taskpane/check.worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // The engine is pure (no module-level side effects), so webpack may look through its barrel
        // and give functions.js only the scoring code the functions call (≤ 30 KB gzip); detection and
        // checks, which only the pane uses, then ship in taskpane.js.
        { test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false },
        // So are the operations and templates: each pane chunk gets only the operations it calls.
        { test: /[\\/]src[\\/](ops|templates)[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
          },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      // The pane's Fluent theme carries only the tokens the built scripts use.
      new TrimThemePlugin(),
      // functions.json from functions.ts' JSDoc; the plugin also appends a `CustomFunctions.associate`
      // call per function to the module built from exactly that path (functions.js, the manifest's Script).
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // The pane's copy of functions.ts (onDemand.ts loads it after the first paint) must not associate:
      // the page's stand-ins hold every id already and call into it, and office.js prints a
      // "[DuplicatedName]" warning for each id associated twice. The query makes that import a module
      // of its own, which the plugin above leaves alone (test/e2e checks each id is associated once).
      new NormalModuleReplacementPlugin(/^\.\/functions$/, (resource) => {
        if (/[\\/]src[\\/]functions[\\/]onDemand\.ts$/.test(resource.contextInfo.issuer || "")) {
          resource.request += "?behind-stand-ins";
        }
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Under the shared runtime this page registers the functions even when the pane is closed.
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Every occurrence, not only the first.
            transform: (content) => (dev ? content : content.toString().split(urlDev).join(urlProd)),
          },
        ],
      }),
    ],
    // `npx webpack serve` (npm start uses scripts/serve.js): loopback only, CORS for Office's origins only.
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      host: "127.0.0.1",
      allowedHosts: ["localhost", "127.0.0.1"],
      headers: (req) => corsHeaders(req.headers.origin),
      port: 3000,
    },
  };
};
