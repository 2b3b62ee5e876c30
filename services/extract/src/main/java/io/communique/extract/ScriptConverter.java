package io.communique.extract;

/**
 * Converts traditional characters and full-width punctuation to their simplified / ASCII forms, and Latin letters with
 * diacritics to their base letters ("Lourenço" and "Lourenco" are one name), one character for one character, so
 * every offset in the converted text is also an offset in the original.
 */
final class ScriptConverter {
    private final char[] map = new char[Character.MAX_VALUE + 1];

    ScriptConverter() {
        for (int c = 0; c < map.length; c++) {
            map[c] = (char) c;
        }
        // the broad table first: the curated pairs of t2s.txt override it
        for (String table : new String[]{"t2s-opencc.txt", "t2s.txt"}) {
            for (String line : Resources.lines(table)) {
                for (String pair : line.trim().split("\\s+")) {
                    if (pair.length() == 2) {
                        map[pair.charAt(0)] = pair.charAt(1);
                    }
                }
            }
        }
        // Latin letters with diacritics, Vietnamese ones with two included ("Việt Nam", "Hà Nội" = "Viet Nam", "Ha Noi")
        for (char[] range : new char[][]{{'\u00C0', '\u024F'}, {'\u1E00', '\u1EFF'}}) {
            for (char c = range[0]; c <= range[1]; c++) {
                String base = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
                if (base.length() > 1 && base.charAt(0) < 0x80 && Character.isLetter(base.charAt(0))) {
                    map[c] = base.charAt(0);
                }
            }
        }
        map['đ'] = 'd'; // a letter of its own, not d with a mark, so NFD leaves it
        map['Đ'] = 'D';
        // Full-width forms: the rules are written against ASCII punctuation and digits.
        for (char c = '！'; c <= '～'; c++) {
            map[c] = (char) (c - 0xFEE0);
        }
        map['　'] = ' ';
        map['、'] = '、';
        map['「'] = '“';
        map['」'] = '”';
        map['『'] = '“';
        map['』'] = '”';
        map['’'] = '\'';
        map['‘'] = '\'';
        map['–'] = '-';
        map['—'] = '-';
        map['﹐'] = ',';
    }

    String convert(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = map[out[i]];
        }
        return new String(out);
    }
}
