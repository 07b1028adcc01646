/**
* | countPlural | output |
* | --- | --- |
* | "one" | "Offline · {count} change waiting" |
* | "other" | "Offline · {count} changes waiting" |
*
* @param {Sync_Offline_WaitingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_offline_waiting: ((inputs: Sync_Offline_WaitingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Sync_Offline_WaitingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Sync_Offline_WaitingInputs = {
    count: NonNullable<unknown>;
};
