/**
* | countPlural | output |
* | --- | --- |
* | "one" | "{count} change waiting" |
* | "other" | "{count} changes waiting" |
*
* @param {Sync_WaitingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_waiting: ((inputs: Sync_WaitingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Sync_WaitingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Sync_WaitingInputs = {
    count: NonNullable<unknown>;
};
