/**
* | output |
* | --- |
* | "Step {step} of {steps}" |
*
* @param {App_StepInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_step: ((inputs: App_StepInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_StepInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_StepInputs = {
    step: NonNullable<unknown>;
    steps: NonNullable<unknown>;
};
