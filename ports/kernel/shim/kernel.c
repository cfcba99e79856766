// SPDX-License-Identifier: MIT
/*
 * kernel.c - the string helpers of lib/ the checked files call: kstrto*()
 * (the sysfs parsers: a trailing newline allowed, nothing else) and
 * get_option().
 */
#include <stdlib.h>
#include <linux/kernel.h>

/**
 * kstrtoull - parse an unsigned long long
 * @s: the text; an optional "0x" prefix for base 16 or 0, one trailing newline
 * @base: 0 (auto: 0x → 16, 0 → 8, else 10), 8, 10 or 16
 * @res: where the value goes
 *
 * Return: 0, -EINVAL for bad text, -ERANGE on overflow.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	const char *p = s;

	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' && p[1] ? 8 : 10;
	}
	if (!*p || *p == '\n')
		return -EINVAL;
	for (; *p && *p != '\n'; p++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (*p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		if (v > (~0ULL - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (*p == '\n' && p[1])
		return -EINVAL;
	*res = v;
	return 0;
}

/**
 * kstrtoul - kstrtoull() into an unsigned long
 * @s: the text
 * @base: the base
 * @res: where the value goes
 *
 * Return: 0 or a negative errno.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int rc = kstrtoull(s, base, &v);

	if (!rc)
		*res = v;
	return rc;
}

/**
 * kstrtouint - kstrtoull() into an unsigned int
 * @s: the text
 * @base: the base
 * @res: where the value goes
 *
 * Return: 0, -ERANGE above UINT_MAX, or another negative errno.
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int rc = kstrtoull(s, base, &v);

	if (rc)
		return rc;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtoint - parse an int, with an optional leading '-'
 * @s: the text
 * @base: the base
 * @res: where the value goes
 *
 * Return: 0 or a negative errno.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = s[0] == '-';
	int rc = kstrtoull(s + neg, base, &v);

	if (rc)
		return rc;
	if (v > (unsigned long long)INT_MAX + neg)
		return -ERANGE;
	*res = neg ? (int)-v : (int)v;
	return 0;
}

/**
 * kstrtobool - parse y/n/1/0/on/off
 * @s: the text
 * @res: where the value goes
 *
 * Return: 0 or -EINVAL.
 */
int kstrtobool(const char *s, bool *res)
{
	if (s[0] == 'y' || s[0] == 'Y' || s[0] == '1' || !strncmp(s, "on", 2))
		*res = true;
	else if (s[0] == 'n' || s[0] == 'N' || s[0] == '0' || !strncmp(s, "of", 2))
		*res = false;
	else
		return -EINVAL;
	return 0;
}

/**
 * get_option - parse an integer from a boot option list
 * @str: the option text; advanced past the integer and a following comma
 * @pint: where the integer goes
 *
 * Return: 0 no integer, 1 an integer at the end, 2 an integer and a comma.
 */
int get_option(char **str, int *pint)
{
	char *end;

	if (!str || !*str || !**str)
		return 0;
	*pint = (int)strtol(*str, &end, 0);
	if (end == *str)
		return 0;
	*str = end;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	return 1;
}
