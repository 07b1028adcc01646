/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Sync_RefusedInputs */

const en_sync_refused = /** @type {(inputs: Sync_RefusedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Not connected`)
};

const de_sync_refused = /** @type {(inputs: Sync_RefusedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Nicht verbunden`)
};

const fr_sync_refused = /** @type {(inputs: Sync_RefusedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Non connecté`)
};

/**
* | output |
* | --- |
* | "Not connected" |
*
* @param {Sync_RefusedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_refused = /** @type {((inputs?: Sync_RefusedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Sync_RefusedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_sync_refused(inputs)
	if (locale === "fr") return fr_sync_refused(inputs)
	return en_sync_refused(inputs)
});