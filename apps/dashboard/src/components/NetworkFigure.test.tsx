// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { NetworkFigure, type NetworkNode } from "./NetworkFigure";

const nodes: NetworkNode[] = [
  { code: "K0181-BEROENDE", label: "Beroendeenheten, Södertälje kommun", group: 0, number: 1 },
  { code: "RS-PSYK-SYDVAST", label: "Psykiatrisk öppenvård, Sydväst", group: 1, number: 2 },
  { code: "RS-VC-0181", label: "Vårdcentralen Södertälje", group: 1, number: 3 },
];

afterEach(cleanup);

describe("NetworkFigure", () => {
  it("draws a line per link, as wide as its count, hidden from assistive technology", () => {
    const { container } = render(
      <NetworkFigure
        nodes={nodes}
        links={[
          { a: "K0181-BEROENDE", b: "RS-PSYK-SYDVAST", count: 40 },
          { a: "RS-PSYK-SYDVAST", b: "RS-VC-0181", count: 10 },
        ]}
      />,
    );
    const svg = container.querySelector("svg");
    expect(svg?.closest("[aria-hidden=true]")).not.toBeNull();
    const paths = [...container.querySelectorAll(".network-links path")];
    expect(paths.map((p) => Number(p.getAttribute("stroke-width")))).toEqual([4.3, 14]);
    expect(paths.map((p) => p.querySelector("title")?.textContent)).toEqual([
      "Psykiatrisk öppenvård, Sydväst – Vårdcentralen Södertälje: 10 ärenden",
      "Beroendeenheten, Södertälje kommun – Psykiatrisk öppenvård, Sydväst: 40 ärenden",
    ]);
    // Every node has its full name as a tooltip; no label or tooltip is a unit code.
    const titles = [...container.querySelectorAll(".network-node > title")].map(
      (t) => t.textContent,
    );
    expect(titles).toEqual(nodes.map((n) => n.label));
    const texts = [...container.querySelectorAll("text")].map((t) => t.textContent ?? "");
    expect(texts.join(" ")).not.toMatch(/RS-|K0181/);
    expect(container.textContent).toMatch(/Numren är enheternas nummer i matrisen/);
  });

  it("says why a picture has no lines", () => {
    const { container } = render(<NetworkFigure nodes={nodes} links={[]} />);
    expect(container.querySelectorAll(".network-links path")).toHaveLength(0);
    expect(container.textContent).toMatch(/alla samband här är dolda/);
  });
});
