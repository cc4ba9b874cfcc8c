/**
 * The unit's secure email domains (issue 22): a copy sent to an address on one of them, or on a
 * subdomain of one, carries the PDF; any other address is sent a personal link and a one-time
 * code instead. Pure: checked here, stored per unit (`units.secure_domains`).
 */

/** A domain as a unit types it ("NHS.net", "@police.uk"), tidied; null when it is not one. */
export function parseDomain(typed: string): string | null {
	const domain = typed.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
	if (domain.length === 0 || domain.length > 253) return null;
	const labels = domain.split('.');
	if (labels.length < 2) return null;
	const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
	return labels.every((l) => label.test(l)) && /[a-z]/.test(labels[labels.length - 1])
		? domain
		: null;
}

/** Is the address on one of the domains, exactly or as a subdomain (`x@leeds.police.uk` for `police.uk`)? */
export function isOnSecureDomain(address: string, domains: readonly string[]): boolean {
	const at = address.lastIndexOf('@');
	if (at < 0) return false;
	const host = address
		.slice(at + 1)
		.trim()
		.toLowerCase()
		.replace(/\.$/, '');
	return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
