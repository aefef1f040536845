// Runs before every test file: whatever temporary directories its tests made go when it ends.
import { afterAll } from "vitest";
import { removeTempDirs } from "./tmp.js";

afterAll(() => removeTempDirs());
