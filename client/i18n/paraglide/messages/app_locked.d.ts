/**
* | output |
* | --- |
* | "The facilitator has paused changes for a moment. You can read, but not edit." |
*
* @param {App_LockedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_locked: ((inputs?: App_LockedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<App_LockedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type App_LockedInputs = {};
