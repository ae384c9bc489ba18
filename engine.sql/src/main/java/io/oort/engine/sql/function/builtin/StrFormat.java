package io.oort.engine.sql.function.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eKuiper's format(x, d[, locale]): x rounded half-even (on its exact binary value) to d decimals; without a locale
 * plain digits with a '.' decimal point; with a locale (language[_REGION], the region being a country) the
 * locale's grouping (secondary grouping of Indian locales included), decimal separator and digits.
 *
 * <p>eKuiper formats with golang.org/x/text, whose CLDR data differs from the JDK's: the separators and digits of
 * the locales documented by eKuiper are taken from eKuiper's expectations (funcs_str_test.go); other locales
 * use the JDK's symbols with Latin digits, a narrow no-break space being printed as a no-break space as x/text does.
 */
final class StrFormat {

    private StrFormat() {
    }

    /** A locale's number symbols: grouping, decimal separator, zero digit, minus sign, secondary grouping size. */
    private record Symbols(char group, char decimal, char zero, String minus, int secondary) {
    }

    /** lang_REGION + grouping separator + decimal separator + digits ('l' Latin, 'a' Arabic-Indic). */
    private static final String[] KNOWN = {
        "en_US,.l", "de_DE.,l", "zh_CN,.l", "zh_HK,.l", "de_CH\u2019.l", "ar_AE,.l", "ar_BH,.l", "ar_DZ.,l",
        "ar_EG,.l", "ar_IN\u066c\u066ba", "ar_IQ,.l", "ar_JO,.l", "ar_KW,.l", "ar_LB.,l", "ar_LY.,l", "ar_MA.,l",
        "ar_OM,.l", "ar_QA,.l", "ar_SA,.l", "ar_SD,.l", "ar_SY,.l", "ar_TN.,l", "ar_YE,.l", "be_BY\u00a0,l",
        "bg_BG\u00a0,l", "ca_ES.,l", "cs_CZ\u00a0,l", "da_DK.,l", "de_AT\u00a0,l", "de_BE.,l", "de_LU.,l",
        "el_GR.,l", "en_AU,.l", "en_CA,.l", "en_GB,.l", "en_IN,.l", "en_NZ,.l", "en_PH,.l", "en_ZA\u00a0,l",
        "en_ZW,.l", "es_AR.,l", "es_BO.,l", "es_CL.,l", "es_CO.,l", "es_CR\u00a0,l", "es_DO,.l", "es_EC.,l",
        "es_ES.,l", "es_GT,.l", "es_HN,.l", "es_MX,.l", "es_NI,.l", "es_PA,.l", "es_PE,.l", "es_PR,.l",
        "es_PY.,l", "es_SV,.l", "es_US,.l", "es_UY.,l", "es_VE.,l", "et_EE\u00a0,l", "eu_ES.,l", "fi_FI\u00a0,l",
        "fo_FO.,l", "fr_BE\u00a0,l", "fr_CA\u00a0,l", "fr_CH\u00a0,l", "fr_FR\u00a0,l", "fr_LU.,l", "gl_ES.,l",
        "gu_IN,.l", "he_IL,.l", "hi_IN,.l", "hr_HR.,l", "hu_HU\u00a0,l", "id_ID.,l", "is_IS.,l", "it_CH\u2019.l",
        "it_IT.,l", "ja_JP,.l", "ko_KR,.l", "lt_LT\u00a0,l", "lv_LV\u00a0,l", "mk_MK.,l", "mn_MN,.l",
        "ms_MY,.l", "nb_NO\u00a0,l", "nl_BE.,l", "nl_NL.,l", "no_NO,.l", "pl_PL\u00a0,l", "pt_BR.,l",
        "pt_PT\u00a0,l", "rm_CH\u2019.l", "ro_RO.,l", "ru_RU\u00a0,l", "ru_UA\u00a0,l", "sk_SK\u00a0,l",
        "sl_SI.,l", "sq_AL\u00a0,l", "sr_RS.,l", "sv_FI\u00a0,l", "sv_SE\u00a0,l", "ta_IN,.l", "te_IN,.l",
        "th_TH,.l", "tr_TR.,l", "uk_UA\u00a0,l", "ur_PK,.l", "vi_VN.,l", "zh_TW,.l",
    };

    /** Locales whose CLDR decimal pattern is #,##,##0.### (groups of two above the thousands). */
    private static final Set<String> INDIAN = new HashSet<>(Arrays.asList("en_IN", "hi_IN", "gu_IN", "ta_IN",
            "te_IN"));

    private static final Map<String, String> KNOWN_MAP = new HashMap<>();

    static {
        for (String k : KNOWN) {
            KNOWN_MAP.put(k.substring(0, 5), k.substring(5));
        }
    }

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    /** format(x, d) without a locale. */
    static String plain(double x, int scale) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        BigDecimal b = new BigDecimal(x).setScale(scale, RoundingMode.HALF_EVEN);
        return b.toPlainString();
    }

    /** format(x, d, locale); throws IllegalArgumentException for an unsupported locale. */
    static String localized(double x, int scale, String locale) {
        Symbols sym = symbols(locale);
        if (Double.isNaN(x)) {
            return "NaN";
        }
        boolean neg = x < 0;
        if (Double.isInfinite(x)) {
            return neg ? sym.minus() + "∞" : "∞";
        }
        BigDecimal b = new BigDecimal(Math.abs(x)).setScale(scale, RoundingMode.HALF_EVEN);
        String plain = b.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder sb = new StringBuilder(plain.length() + 8);
        if (neg) {
            sb.append(sym.minus());
        }
        int len = intPart.length();
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                int fromRight = len - i; // digits remaining including this one
                boolean sep;
                if (sym.secondary() > 0 && fromRight > 3) {
                    sep = (fromRight - 3) % sym.secondary() == 0;
                } else {
                    sep = fromRight % 3 == 0;
                }
                if (sep) {
                    sb.append(sym.group());
                }
            }
            sb.append(digit(intPart.charAt(i), sym.zero()));
        }
        if (!frac.isEmpty()) {
            sb.append(sym.decimal());
            for (int i = 0; i < frac.length(); i++) {
                sb.append(digit(frac.charAt(i), sym.zero()));
            }
        }
        return sb.toString();
    }

    private static char digit(char c, char zero) {
        return (char) (zero + (c - '0'));
    }

    private static Symbols symbols(String locale) {
        Object o = CACHE.get(locale);
        if (o == null) {
            try {
                o = resolve(locale);
            } catch (IllegalArgumentException e) {
                o = e;
            }
            if (CACHE.size() > 256) {
                CACHE.clear();
            }
            CACHE.put(locale, o);
        }
        if (o instanceof IllegalArgumentException e) {
            throw e;
        }
        return (Symbols) o;
    }

    private static Symbols resolve(String tag) {
        String[] parts = tag.split("[-_]", -1);
        IllegalArgumentException bad = new IllegalArgumentException("not support for the specific locale:" + tag);
        if (parts.length < 2 || parts.length > 3) {
            throw bad;
        }
        String lang = parts[0].toLowerCase(Locale.ROOT);
        String script = parts.length == 3 ? parts[1] : null;
        String region = parts[parts.length - 1].toUpperCase(Locale.ROOT);
        if (!lang.matches("[a-z]{2,3}") || (script != null && !script.matches("[A-Za-z]{4}"))
                || !region.matches("[A-Z]{2}")) {
            throw bad;
        }
        if (lang.length() == 2 && !Arrays.asList(Locale.getISOLanguages()).contains(lang)) {
            throw bad;
        }
        if (!Arrays.asList(Locale.getISOCountries()).contains(region)) {
            throw bad;
        }
        String key = lang + "_" + region;
        Locale.Builder lb = new Locale.Builder().setLanguage(lang).setRegion(region);
        if (script != null) {
            lb.setScript(script);
        }
        String known = script == null ? KNOWN_MAP.get(key) : null;
        boolean arab = known != null && known.charAt(2) == 'a';
        Locale loc = lb.setUnicodeLocaleKeyword("nu", arab ? "arab" : "latn").build();
        String minus = minusOf(loc);
        int secondary = INDIAN.contains(key) ? 2 : 0;
        if (known != null) {
            return new Symbols(known.charAt(0), known.charAt(1), arab ? '\u0660' : '0', minus, secondary);
        }
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(loc);
        char group = s.getGroupingSeparator();
        if (group == '\u202f') {
            group = '\u00a0';
        }
        return new Symbols(group, s.getDecimalSeparator(), s.getZeroDigit(), minus, secondary);
    }

    private static String minusOf(Locale loc) {
        NumberFormat nf = NumberFormat.getNumberInstance(loc);
        String s = nf.format(-1);
        String one = nf.format(1);
        int at = s.lastIndexOf(one);
        String m = at > 0 ? s.substring(0, at) : "-";
        if (nf instanceof DecimalFormat df && df.getNegativeSuffix().length() > 0) {
            return "-";
        }
        return m;
    }
}
