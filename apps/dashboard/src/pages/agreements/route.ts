import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../router/root";
import { validateRegisterSearch } from "./agreements";

/** Who may write to the register (SPEC "Roles and scope"): the forms are theirs alone. */
export const agreementWriters: readonly string[] = ["lan", "admin"];

/** The register, its coverage and the reviews due: no filter bar, choices of its own. */
export const agreementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/overenskommelser",
  staticData: { label: "nav.agreements" },
  validateSearch: validateRegisterSearch,
  component: lazyRouteComponent(() => import("./Register"), "Register"),
});

/** A new agreement, prefilled from the coverage cell it was opened from (`municipality`, `targetGroup`). */
export const newAgreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/overenskommelser/ny",
  staticData: { label: "agreements.page.new", roles: agreementWriters, inMenu: false },
  component: lazyRouteComponent(() => import("./AgreementForm"), "NewAgreement"),
});

export const agreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/overenskommelser/$id",
  staticData: { label: "agreements.page.one" },
  component: lazyRouteComponent(() => import("./AgreementPage"), "AgreementPage"),
});

export const editAgreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/overenskommelser/$id/andra",
  staticData: { label: "agreements.page.edit", roles: agreementWriters },
  component: lazyRouteComponent(() => import("./AgreementForm"), "EditAgreement"),
});
