/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Sync_OnlineInputs */

const en_sync_online = /** @type {(inputs: Sync_OnlineInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Online`)
};

const de_sync_online = /** @type {(inputs: Sync_OnlineInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Online`)
};

const fr_sync_online = /** @type {(inputs: Sync_OnlineInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`En ligne`)
};

/**
* | output |
* | --- |
* | "Online" |
*
* @param {Sync_OnlineInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_online = /** @type {((inputs?: Sync_OnlineInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Sync_OnlineInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_sync_online(inputs)
	if (locale === "fr") return fr_sync_online(inputs)
	return en_sync_online(inputs)
});