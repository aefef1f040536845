// The Simulate screen: pick an action by fuzzy search, flip the context and preset, read the grid.
import { render } from "ink-testing-library";
import React from "react";
import { describe, expect, it } from "vitest";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { KEY, press, shippedPack, type, loaded } from "./helpers.js";

const open = (size = { width: 110, height: 40 }) => render(<App pack={shippedPack()} progress={new MemoryProgress()} color={false} size={size} screen="simulate" />);

describe("Simulate screen", () => {
  it("answers: is s3:GetObject through a VPC endpoint, denied by its policy, recorded by my organization trail?", async () => {
    const { lastFrame, stdin, unmount } = open();
    await loaded(lastFrame);
    await type(stdin, "getobject");
    expect(lastFrame()).toMatch(/› s3:GetObject/);
    await press(stdin, KEY.enter);
    let f = lastFrame()!;
    expect(f).toContain("s3:GetObject · us-east-1 · same-account · direct");
    expect(f).toMatch(/event-history\s+·\s+✗ not/);
    expect(f).toContain("Event History keeps management events only");
    await press(stdin, "d", "p", "p", "p");
    f = lastFrame()!;
    expect(f).toContain("via vpce-0a1b2c3d4e5f67890 (denied)");
    expect(f).toContain("Organization trail");
    expect(f).toMatch(/trail:org-trail\s+·\s+·\s+✓ recorded/);
    expect(f).toContain("advanced selector 'Denied at S3 endpoints' matches");
    expect(f).toContain("never reached s3.amazonaws.com");
    unmount();
  });

  it("q is text while searching; Esc leaves", async () => {
    const { lastFrame, stdin, unmount } = open();
    await loaded(lastFrame);
    await type(stdin, "sqs");
    expect(lastFrame()).toContain("Find an action: sqs");
    expect(lastFrame()).toContain("sqs:SendMessage");
    unmount();
  });

  it("shows the Insights model for the action with i, chart and all", async () => {
    const { lastFrame, stdin, unmount } = open();
    await loaded(lastFrame);
    await type(stdin, "runinstances");
    await press(stdin, KEY.enter, "i");
    expect(lastFrame()).toContain("Insights model — ec2:RunInstances");
    expect(lastFrame()).toContain("▲");
    unmount();
  });
});
