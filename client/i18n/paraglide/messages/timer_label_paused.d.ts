/**
* | output |
* | --- |
* | "Time left {time}, paused" |
*
* @param {Timer_Label_PausedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const timer_label_paused: ((inputs: Timer_Label_PausedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Timer_Label_PausedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Timer_Label_PausedInputs = {
    time: NonNullable<unknown>;
};
