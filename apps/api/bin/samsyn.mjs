#!/usr/bin/env node
// The `samsyn` bin: runs the TypeScript CLI through tsx, so no build step stands in between.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
