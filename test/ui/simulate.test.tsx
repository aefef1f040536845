// The Simulate screen: pick an action by fuzzy search, flip the context and preset, read the grid.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { hit, KEY, loaded, shippedPack } from "./helpers.js";

const open = (size = { width: 110, height: 40 }) =>
  render(<App pack={shippedPack()} progress={new MemoryProgress()} color={false} size={size} screen="simulate" />);

/** Type a search one key at a time, each awaited on screen. */
async function typeQuery(a: ReturnType<typeof open>, text: string): Promise<void> {
  for (let i = 1; i <= text.length; i++) await hit(a, text[i - 1]!, `Find an action: ${text.slice(0, i)}`);
}

describe("Simulate screen", () => {
  it("answers: is s3:GetObject through a VPC endpoint, denied by its policy, recorded by my organization trail?", async () => {
    const a = open();
    await loaded(a.lastFrame);
    await typeQuery(a, "getobject");
    expect(a.lastFrame()).toMatch(/› s3:GetObject/);
    let f = await hit(a, KEY.enter, "s3:GetObject · us-east-1 · same-account · direct");
    expect(f).toMatch(/event-history\s+·\s+✗ not/);
    expect(f).toContain("Event History keeps management events only");
    await hit(a, "d", "(denied)");
    for (const k of ["p", "p", "p"]) f = await hit(a, k);
    f = a.lastFrame()!;
    expect(f).toContain("via vpce-0a1b2c3d4e5f67890 (denied)");
    expect(f).toContain("Organization trail");
    // The denied call's data event never existed: the grid says "not" for it, and the reason is below.
    expect(f).toMatch(/trail:org-trail\s+·\s+✗ not\s+✓ recorded/);
    expect(f).toContain("Data: denied by the VPC endpoint policy");
    expect(f).toContain("advanced selector 'Denied at S3 endpoints' matches");
    expect(f).toContain("never reached s3.amazonaws.com");
    // The result survives the key list opened over it.
    await hit(a, "?", "Keys — Simulate");
    expect(await hit(a, "?", "Organization trail")).toEqual(f);
    a.unmount();
  });

  it("q is text while searching; Esc leaves", async () => {
    const a = open();
    await loaded(a.lastFrame);
    await typeQuery(a, "sqs");
    expect(a.lastFrame()).toContain("sqs:SendMessage");
    await hit(a, KEY.esc, "1. Study");
    a.unmount();
  });

  it("shows the Insights model for the action with i, chart and all", async () => {
    const a = open();
    await loaded(a.lastFrame);
    await typeQuery(a, "runinstances");
    await hit(a, KEY.enter, "ec2:RunInstances · us-east-1");
    const f = await hit(a, "i", "Insights model — ec2:RunInstances");
    expect(f).toContain("▲");
    a.unmount();
  });
});
