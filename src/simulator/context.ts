// The call context — Region, VPC endpoint, denied by its policy, caller, error, resource — built in
// one place with one set of rules for `simulate --action` flags, `--batch` call lines and the
// Simulate screen. Pure: each caller turns a ContextError into its own kind of message.
import { CALLERS, DEFAULT_CONTEXT, VPCE_DENIED, type CallContext, type Caller } from "./events.js";

/** What a learner can say about a call, by the names `--batch` lines use. */
export interface CallInput {
  region?: string | undefined;
  resource?: string | undefined;
  vpce?: string | undefined;
  vpceDenied?: boolean | undefined;
  error?: string | undefined;
  caller?: string | undefined;
}

export class ContextError extends Error {
  constructor(
    /** The input field at fault (`--batch` name; the flag is `--` + kebab case). */
    readonly field: keyof CallInput,
    message: string,
  ) {
    super(message);
    this.name = "ContextError";
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const VPCE_ID = /^vpce-[0-9a-z]+$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:/;
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9.:_-]{0,127}$/;

/**
 * The context of one call. Rules: a Region looks like us-east-1; an endpoint id looks like
 * vpce-0a1b2c3d; "denied" (or the error VpceAccessDenied) needs the endpoint whose policy denied it;
 * a resource is an ARN; the caller is one of CALLERS.
 */
export function buildCallContext(input: CallInput): CallContext {
  const { region, resource, vpce, error, caller } = input;
  if (region !== undefined && !REGION.test(region)) throw new ContextError("region", `'${region}' is not a Region code (e.g. us-east-1, eu-west-1)`);
  if (caller !== undefined && !CALLERS.includes(caller as Caller))
    throw new ContextError("caller", `caller must be one of ${CALLERS.join(", ")}, not '${caller}'`);
  if (vpce !== undefined && !VPCE_ID.test(vpce)) throw new ContextError("vpce", `'${vpce}' is not a VPC endpoint id (e.g. vpce-0a1b2c3d4e5f67890)`);
  if (resource !== undefined && !ARN.test(resource)) throw new ContextError("resource", `'${resource}' is not an ARN (e.g. arn:aws:s3:::bucket/key)`);
  if (error !== undefined && !ERROR_CODE.test(error)) throw new ContextError("error", `'${error}' is not an error code (e.g. AccessDenied)`);
  const denied = input.vpceDenied === true || error === VPCE_DENIED;
  if (denied && vpce === undefined)
    throw new ContextError(
      input.vpceDenied ? "vpceDenied" : "error",
      "a call denied by a VPC endpoint policy needs the endpoint (vpce) whose policy denied it",
    );
  return {
    ...DEFAULT_CONTEXT,
    ...(region ? { region } : {}),
    ...(caller ? { caller: caller as Caller } : {}),
    ...(resource ? { resourceArn: resource } : {}),
    ...(vpce ? { vpcEndpointId: vpce } : {}),
    ...(denied ? { vpceDenied: true } : {}),
    ...(error && error !== VPCE_DENIED ? { errorCode: error } : {}),
  };
}
