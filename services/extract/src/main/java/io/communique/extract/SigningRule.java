package io.communique.extract;

import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STATEMENT_SIGNED and AGREEMENT_SIGNED: "签署《…联合声明》", "批准《…条约》实施纲要", "发表联合声明", "签署一大批协议",
 * "合作文件的签字仪式", "signed seven agreements", "announced a “Joint Declaration …”". Each named document is its own
 * event; an unnamed batch is one event; "等四个备忘录" after a named one adds a batch for the rest.
 */
final class SigningRule implements Rule {
    private static final Pattern ZH_VERB = Pattern.compile("签署|签订|签字|批准|通过|发表|发布|交换|见证");
    private static final Pattern EN_VERB = Pattern.compile(
            "(?i)\\b(?:signed|signing|sign|inked|adopted|issued|announced|concluded|exchanged|approved|unveiled|released|(?:exchange|adoption)(?= of))\\b");
    private static final Pattern TITLE = Pattern.compile("《([^《》]{2,80})》|“([^“”]{4,160})”|\"([^\"]{4,160})\"");
    private static final Pattern STATEMENT = Pattern.compile("(?i)联合声明|共同声明|宣言|公报|(?:joint|trilateral|tripartite|common) (?:press )?statement|declaration|communiqu[eé]");
    private static final Pattern AGREEMENT = Pattern.compile(
            "(?i)协议|协定|条约|备忘录|合作文件|成果文件|纲要|议定书|换文|合同|合作项目|合作规划|行动计划|路线图|公约|\\bagreements?\\b|\\btreat(?:y|ies)\\b|\\bMoUs?\\b"
                    + "|memorand(?:um|a)|\\baccords?\\b|\\bcontracts?\\b|\\bdocuments?\\b|\\bpacts?\\b|\\bloan\\b|\\bproject\\b"
                    + "|\\broad ?maps?\\b|\\baction plans?\\b|\\bexchanges? of notes\\b|\\bprotocols?\\b|\\bconventions?\\b|\\bcharters?\\b");
    private static final Pattern SHORT_NAME = Pattern.compile("(?i)以下[简称]|简称|hereinafter|the so-called");
    private static final Pattern DOCUMENT = Pattern.compile(STATEMENT.pattern() + "|" + AGREEMENT.pattern());
    private static final Pattern MORE_AFTER_TITLE = Pattern.compile("^[^,;]{0,4}等(?:[一二三四五六七八九十两多\\d]+)(?:个|份|项)");
    /** "签字仪式", and "见证了…协议的签署": a signing named after its documents. */
    private static final Pattern CEREMONY = Pattern.compile("(?i)签字仪式|签约仪式|signing ceremony|^的签(?:署|字)");
    /** Who issues or signs, by level: heads of state or government, foreign ministries, agencies and companies. */
    private static final Pattern ISSUER = Pattern.compile(
            "(?i)(元首|领导人|首脑|总统|总理|主席|首相|\\bleaders\\b|\\bpresidents\\b|\\bprime ministers\\b)"
                    + "|(外交部|外长|\\bforeign minist(?:ers|ries)\\b)|(部门|企业|机构|\\bagencies\\b|\\bcompanies\\b)");
    private static final String[] ISSUER_LEVELS = {"heads", "foreign ministries", "agencies"};
    /**
     * Not a signing of the report's news: a running total ("已累计同150个国家签署"), an anniversary ("签署20周年",
     * "the 20th anniversary of the signing") or an extension of a treaty signed long ago ("宣布条约延期").
     */
    private static final Pattern NOT_A_SIGNING = Pattern.compile(
            "(?i)累计|迄今|截至目前|先后同|周年|延期|延长|续签|以来|多年来|anniversary|so far|to date|in total|extend(?:ed|s|ing)?\\b|extension"
                    + "|since (?:19|20)\\d\\d|over the (?:past|last) |over the years");
    /** "建交以来，两国签署了…", "Since 2014, the two countries have signed…": a period, not an occasion. */
    private static final Pattern SINCE_BEFORE = Pattern.compile("(?i)以来[,，]|多年来|\\bsince (?:19|20)\\d\\d\\b|\\bover the (?:past|last|years)\\b");
    /** All the leaders of a summit sign together ("六国元首签署", "The leaders adopted"): the document is the organisation's. */
    private static final Pattern ALL_MEMBERS = Pattern.compile(
            "(?i)与会(?:各国)?领导人|各成员国(?:领导人|元首)|成员国元首|all (?:the )?(?:member states|leaders)|leaders of (?:all )?the member states"
                    + "|[三四五六七八九十]+国(?:元首|领导人)|(?:^|\\. |\\s)(?-i:The) leaders\\b(?! of)|\\bthe allies\\b|\\ballied leaders\\b"
                    + "|\\b(?:South-?east Asian|Asian|African|Arab|European|Latin American(?: and Caribbean)?|Caribbean|Pacific(?: Islands?)?|Nordic"
                    + "|Central Asian|Gulf|BRICS|G20|NATO|ASEAN|SCO|APEC|EU) leaders\\b");
    /** "the Declaration of Buenos Aires", "the Treaty of Rome": a place that names the document, not a signatory. */
    private static final Pattern DOCUMENT_OF_PLACE = Pattern.compile("(?i)\\b(?:Declaration|Treaty|Accords?|Agreement|Charter|Protocol|Convention|Communiqu[eé]) of (?:the )?$");
    /** "In a communique issued Tuesday, the allies said…": the alliance's document, wherever the subject stands. */
    private static final Pattern ALLIES = Pattern.compile("\\bthe allies\\b|\\ballied leaders\\b");
    /** "the New Delhi Leaders' Declaration", 《…领导人…宣言》: a summit's document by its very name. */
    private static final Pattern SUMMIT_DOCUMENT = Pattern.compile("(?i)leaders['’]? declaration|领导人[^《》]{0,8}宣言|峰会[^《》]{0,4}宣言");
    private static final Pattern SUMMIT_SUBJECT = Pattern.compile("(?i)峰会|会晤|会议|summit");
    private static final Pattern SUMMIT_AS_SUBJECT = Pattern.compile("(?i)\\s*(?:[^,;。]{0,12}的)?(?:本次|此次|这次|本届)?(?:峰会|会议|会晤|论坛)|\\s*The (?:summit|meeting|forum)\\b");

    @Override
    public void apply(Analysis a, int i, List<Candidate> out) {
        List<int[]> verbs = new ArrayList<>();
        Matcher v = Rule.matcher(a.english ? EN_VERB : ZH_VERB, a, i);
        while (v.find()) {
            verbs.add(new int[]{v.start(), v.end()});
        }
        Matcher ceremony = Rule.matcher(CEREMONY, a, i);
        while (ceremony.find()) {
            verbs.add(new int[]{ceremony.start(), ceremony.end()});
        }
        if (verbs.isEmpty() && !(a.english && (continuesSignedList(a, i) || FRAMED_BY_STATEMENT.matcher(a.sentenceText(i)).lookingAt()))) {
            return;
        }
        List<int[]> titles = new ArrayList<>();
        Matcher t = Rule.matcher(TITLE, a, i);
        while (t.find()) {
            int group = t.group(1) != null ? 1 : t.group(2) != null ? 2 : 3;
            if (SHORT_NAME.matcher(a.text.substring(Math.max(a.sentence(i).start(), t.start() - 8), t.start())).find()) {
                continue; // "(以下称“联合声明”)" names the same document again
            }
            boolean namesDocument = classify(t.group(group) + a.text.substring(t.end(), Math.min(a.sentence(i).end(), t.end() + 8))) != null;
            titles.add(new int[]{t.start(), t.end(), t.start(group), t.end(group), namesDocument ? 1 : 0});
        }
        for (int[] title : titles) {
            int[] verb = verbBefore(verbs, title[0], a.english ? 120 : 40);
            String inner = a.text.substring(title[2], title[3]);
            String after = a.text.substring(title[1], Math.min(a.sentence(i).end(), title[1] + 8));
            FactType type = classify(inner + after);
            type = type == null && TITLED_STATEMENT.matcher(inner).find() ? FactType.STATEMENT_SIGNED : type; // 《金边声明》
            type = type == null && verb != null && countedAsDocuments(a, i, title[1], titles) ? typeByVerb(a, verb) : type;
            if (verb == null || type == null || a.plans.planned(i, verb[0]) || notASigning(a, i, verb[0], title[1])) {
                continue;
            }
            String cue = verbCue(a, verb);
            emit(a, i, type, title[0], titles, a.original.substring(title[2], title[3]).strip().replaceAll("[.。]$", ""), cue, out)
                    .ifPresent(c -> c.reason(0.25, "document named by its title"));
            if (!a.english && MORE_AFTER_TITLE.matcher(after).find()) {
                emit(a, i, type, title[1], titles, null, cue, out)
                        .ifPresent(c -> c.reason(0.20, "further documents counted after the title (" + after.strip() + ")"));
            }
        }
        Matcher noun = Rule.matcher(DOCUMENT, a, i);
        while (noun.find()) {
            int position = noun.start();
            if (inside(titles, position) || (!a.english && afterTitle(titles, position)) || abbreviation(a, noun)) {
                continue;
            }
            int[] near = verbBefore(verbs, position, a.english ? 60 : 25, titles);
            if (near == null && !a.english) { // "签署涉及经贸、能源、金融等多个领域的60份合作协议": one modifier, no clause between
                int[] far = verbBefore(verbs, position, 50, titles);
                near = far != null && a.text.substring(far[1], position).matches("[^,;。]*") ? far : null;
            }
            int[] inList = near == null && a.english ? listVerb(a, i, verbs, position) : near;
            int[] active = inList == null && a.english && jointStatementFrame(a, i, noun) ? new int[]{position, position} : inList;
            int[] verb = active == null ? passiveVerbAfter(a, i, noun.end()) : active;
            boolean ceremonyAfter = CEREMONY.matcher(a.text.substring(noun.end(), Math.min(a.sentence(i).end(), noun.end() + 6))).find();
            if ((verb == null && !ceremonyAfter) || (verb != null && a.plans.planned(i, verb[0])) || (verb == null && a.plans.planned(i, position))
                    || notASigning(a, i, verb != null ? verb[0] : position, noun.end())) {
                continue;
            }
            if (verb != null && titleBetween(titles, verb[1], position)) {
                continue;
            }
            FactType type = STATEMENT.matcher(noun.group()).matches() ? FactType.STATEMENT_SIGNED : FactType.AGREEMENT_SIGNED;
            String listed = a.english ? null : listedDocument(a, i, verb, noun);
            String cue = verb != null ? verbCue(a, verb) : "signing ceremony after " + a.original.substring(noun.start(), noun.end());
            emit(a, i, type, position, titles, null, cue, out).ifPresent(c -> {
                c.reason(0.20, "document noun " + a.original.substring(noun.start(), noun.end()));
                if (a.english && !STATEMENT.matcher(noun.group()).matches()) {
                    c.subjectMatter = subjectMatter(a, i, noun.start(), noun.end());
                    // "The document was signed in Moscow": the declaration or treaty named before, of whatever type
                    c.weak = c.subjectMatter == null && noun.group().equalsIgnoreCase("document");
                }
                c.subjectMatter = listed != null ? listed : c.subjectMatter;
                if (active != null) {
                    c.description = a.text.substring(verb[1], position).replaceAll("^了|的$", "").replaceFirst("^关于", "");
                }
            });
            String more = a.text.substring(noun.end(), Math.min(a.sentence(i).end(), noun.end() + 8));
            if (listed != null && MORE_AFTER_TITLE.matcher(more).find()) { // "…协定等五项文件": the rest, one batch
                emit(a, i, type, noun.end(), titles, null, cue, out).ifPresent(c -> {
                    c.reason(0.20, "further documents counted after the list (" + more.strip() + ")");
                    c.subjectMatter = "(the rest of " + listed + ")";
                });
            }
        }
    }

    private static final Set<String> NOUN_PHRASE_STARTS = Set.of("a", "an", "the", "this", "these", "that", "those", "both",
            "several", "some", "various", "many", "multiple", "other", "more", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "dozen", "of", "and", "also", "had", "have", "has", "was", "were", "which", "with",
            "signed", "inked", "sign", "signing", "exchanged", "concluded", "adopted", "approved", "issued", "announced");
    private static final Set<String> COUNTS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen");
    private static final Set<String> BACK_REFERENCES = Set.of("the", "this", "these", "that", "those", "both");
    private static final Pattern COMPLEMENT = Pattern.compile(
            "(?i)^[a-z]*(?:\\s+of\\s+understanding)?(?:\\s*\\([^()]{1,12}\\))?\\s+(?:on|to|for|regarding|concerning|in the areas? of|in the fields? of)\\s+([\\w'-]+(?:\\s+[\\w'-]+)?)");

    /**
     * What an untitled English document is about: the words of its noun phrase before the noun ("a defence cooperation
     * pact") and the complement after it ("a pact to develop the port", "an agreement on trade"), lower case; "*" when
     * the phrase says nothing more ("a pact", "several MoUs"), "" for a count that sums up documents named next ("two
     * MoUs"), null for a back-reference ("the pact", "these agreements"): see Candidate.subjectMatter.
     */
    static String subjectMatter(Analysis a, int i, int nounStart, int nounEnd) {
        String[] words = a.text.substring(Math.max(a.sentence(i).start(), nounStart - 60), nounStart).split("\\s+");
        List<String> modifiers = new ArrayList<>();
        String start = "";
        for (int w = words.length - 1; w >= 0; w--) {
            String word = words[w].toLowerCase(java.util.Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            if (!word.matches("[a-z][a-z-]*") || NOUN_PHRASE_STARTS.contains(word) || word.matches("\\d+")) {
                start = word;
                break;
            }
            modifiers.add(0, word);
        }
        Matcher complement = COMPLEMENT.matcher(a.text).region(nounEnd, a.sentence(i).end());
        String about = String.join(" ", modifiers) + (complement.lookingAt() ? " " + complement.group(1).toLowerCase(java.util.Locale.ROOT) : "");
        String next = a.text.substring(nounEnd, Math.min(a.sentence(i).end(), nounEnd + 25));
        if (next.matches("(?s)[^;]*?:.*") && !DOCUMENT.matcher(next.substring(0, next.indexOf(':'))).find()) {
            return ""; // "signed several agreements on Thursday: …" sums up the documents listed after it
        }
        if (about.isBlank()) {
            return BACK_REFERENCES.contains(start) ? null : COUNTS.contains(start) || start.matches("\\d+") ? "" : "*";
        }
        return about.strip();
    }

    /**
     * "签署了中老引渡条约、经济技术合作协定等五项文件": a document named without 《》 as an item of a list is its own
     * document (its words are its subject matter); null when the noun is not a list item.
     */
    private static String listedDocument(Analysis a, int i, int[] verb, Matcher noun) {
        if (verb == null || verb[1] > noun.start()) {
            return null;
        }
        int start = Math.max(verb[1], a.text.lastIndexOf('、', noun.start()) + 1);
        String item = a.text.substring(start, noun.end()).replaceFirst("^了", "");
        boolean before = start > verb[1] && a.text.charAt(start - 1) == '、';
        boolean after = noun.end() < a.sentence(i).end() && a.text.charAt(noun.end()) == '、';
        return (before || after) && item.length() >= 3 && item.indexOf(',') < 0 ? item : null;
    }

    /** "In a joint statement, the two countries called on…": a statement the sentence is framed by was issued. */
    private static final Pattern PAIR_SIGNS = Pattern.compile(
            "(?i)(?:^|,)\\s*(?:the two (?:countries|sides|leaders|governments|presidents|prime ministers)|both (?:countries|sides|leaders))\\b");
    private static final Pattern FRAMED_BY_STATEMENT = Pattern.compile("(?i)\\s*(?:In|Through) (?:a|their) joint (?:press )?(?:statement|declaration|communiqu)");
    private static final Pattern IN_A_JOINT_STATEMENT = Pattern.compile("(?i)\\s*(?:In|Through) (?:a|their) joint (?:press )?$");

    private static boolean jointStatementFrame(Analysis a, int i, Matcher noun) {
        return STATEMENT.matcher(noun.group()).matches() && noun.start() - a.sentence(i).start() < 30
                && IN_A_JOINT_STATEMENT.matcher(a.text.substring(a.sentence(i).start(), noun.start() + noun.group().indexOf(' ') + 1))
                .matches();
    }

    /** "(MoU)" after "Memorandum of Understanding": the same document again. */
    private static boolean abbreviation(Analysis a, Matcher noun) {
        return noun.start() > 0 && a.text.charAt(noun.start() - 1) == '(' && noun.end() < a.text.length() && a.text.charAt(noun.end()) == ')';
    }

    /** "Several MoUs were exchanged between A and B", "a trilateral agreement was signed between A, B and C". */
    private static final Pattern PASSIVE_SIGNED = Pattern.compile(
            "(?i)^[^.;,]{0,50}?\\b(?:was|were|had been|have been|has been)\\s+(?:also\\s+|jointly\\s+|formally\\s+)?"
                    + "(signed|inked|exchanged|concluded|adopted|approved|issued)\\b|^\\s+(signed|exchanged|inked|issued|released|adopted)\\b");

    /** "黑海粮食外运协议于2022年7月22日由俄罗斯、乌克兰、土耳其和联合国在伊斯坦布尔签署": the signatories after 由, the verb last. */
    private static final Pattern ZH_PASSIVE_SIGNED = Pattern.compile("^[^,;。]{0,24}?由[^,;。由]{2,50}?(签署|签订|发表|通过)");

    /** The signing verb of a document named before it in the passive, as {start, end}, or null. */
    private static int[] passiveVerbAfter(Analysis a, int i, int documentEnd) {
        Matcher m = (a.english ? PASSIVE_SIGNED : ZH_PASSIVE_SIGNED).matcher(a.text).region(documentEnd, a.sentence(i).end());
        if (!a.english) {
            return m.lookingAt() ? new int[]{m.start(1), m.end(1)} : null;
        }
        if (!m.lookingAt()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 2;
        return new int[]{m.start(g), m.end(g)};
    }

    /** "signed several agreements: an MoU on power; an agreement on railways; …": the verb before a list of documents. */
    private static int[] listVerb(Analysis a, int i, List<int[]> verbs, int position) {
        int[] verb = verbBefore(verbs, position, 400);
        if (verb != null) {
            String between = a.text.substring(verb[1], position);
            return between.indexOf(':') >= 0 || documentList(between) ? verb : null;
        }
        return continuesSignedList(a, i) ? new int[]{position, position} : null;
    }

    private static final Pattern LIST_ITEM_BREAK = Pattern.compile("(?i)\\b(?:which|who|while|whereas|but|after|before|as|during|when)\\b");

    /** "signed an agreement on X, an agreement on Y and a memorandum on Z": documents, and only documents, listed before. */
    private static boolean documentList(String between) {
        return DOCUMENT.matcher(between).find() && !LIST_ITEM_BREAK.matcher(between).find();
    }

    /** The sentence splitter cuts a list at its semicolons: whether sentence i is an item of a list of signed documents. */
    private static boolean continuesSignedList(Analysis a, int i) {
        for (int s = i - 1; s >= 0 && s >= i - 12 && a.text.charAt(a.sentence(s).end() - 1) == ';'; s--) {
            Matcher signed = EN_VERB.matcher(a.sentenceText(s));
            if (signed.find() && (a.sentenceText(s).indexOf(':', signed.end()) >= 0 || documentList(a.sentenceText(s).substring(signed.end())))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the clause of a signing verb at verb, up to a few characters after the document's end, is a total or anniversary. */
    private static boolean notASigning(Analysis a, int i, int verb, int documentEnd) {
        int from = a.clauses.start(i, verb);
        int to = Math.min(a.clauses.end(i, documentEnd), documentEnd + (a.english ? 30 : 8));
        return NOT_A_SIGNING.matcher(a.text.substring(from, Math.max(from, Math.min(to, a.sentence(i).end())))).find()
                || SINCE_BEFORE.matcher(a.text.substring(a.sentence(i).start(), verb)).find();
    }

    private static String verbCue(Analysis a, int[] verb) {
        return "explicit verb " + a.original.substring(verb[0], verb[1]);
    }

    private static final Pattern AT_ORGANISATION = Pattern.compile("(?i)(?:\\bat the|\\bwith the|在|同|与)\\s*$");
    private static final Pattern SUMMIT_CONTEXT = Pattern.compile("(?i)summit|sidelines|margins|峰会|会晤|期间");

    /** An organisation a single country signs at or with ("at the United Nations", "同联合国"), outside any summit. */
    private static Mention signedAtOrganisation(Analysis a, int i, int position) {
        if (SUMMIT_CONTEXT.matcher(a.sentenceText(i)).find()) {
            return null;
        }
        return a.mentions(i).stream().filter(m -> m.isOrganisation() && Math.abs(m.start() - position) <= 50
                && AT_ORGANISATION.matcher(a.text.substring(Math.max(a.sentence(i).start(), m.start() - 12), m.start())).find())
                .findFirst().orElse(null);
    }

    /** A title that ends in a statement: "《金边声明》", "the \"Phnom Penh Statement\"" (a bare 声明 outside a title is any statement). */
    private static final Pattern TITLED_STATEMENT = Pattern.compile("(?i)(?:声明|\\bstatement)\\s*$");
    /** "通过「A原则」及「B承诺」两份文件", "等文件", "adopted \"A\" and \"B\", two documents": titles the text counts as documents. */
    private static final Pattern COUNTED_DOCUMENTS = Pattern.compile(
            "(?i)^\\s*(?:(?:[两二三四五六七八九十\\d]+|多)(?:份|项|个)|等)[^,;。]{0,4}文件|^,?\\s*(?:two|three|four|five|\\d+) documents\\b");
    private static final Pattern TITLE_JOINER = Pattern.compile("(?i)^\\s*(?:及|和|与|以及|、|,|and|as well as)\\s*$");

    /** Whether the title ending at end, with the titles joined to it after, is counted as documents. */
    private static boolean countedAsDocuments(Analysis a, int i, int end, List<int[]> titles) {
        int last = end;
        for (int[] t : titles) {
            if (t[0] >= last && TITLE_JOINER.matcher(a.text.substring(last, t[0])).matches()) {
                last = t[1];
            }
        }
        return COUNTED_DOCUMENTS.matcher(a.text.substring(last, a.sentence(i).end())).find();
    }

    /** A document of no known kind: signed, it is an agreement; issued or adopted, a statement. */
    private static FactType typeByVerb(Analysis a, int[] verb) {
        return a.text.substring(verb[0], verb[1]).matches("(?i)签署|签订|签字|sign(?:ed|ing)?|inked") ? FactType.AGREEMENT_SIGNED : FactType.STATEMENT_SIGNED;
    }

    /**
     * The kind of a titled document by its head noun: the last document noun of a Chinese title (《关于履行板门店宣言…的协议》
     * is an agreement), the first of an English one ("Declaration on the Conduct of Parties…" is a statement).
     */
    private static FactType classify(String title) {
        Matcher noun = DOCUMENT.matcher(title);
        String head = null;
        boolean chinese = title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        while (noun.find()) {
            head = noun.group();
            if (!chinese) {
                break;
            }
        }
        if (head == null) {
            return null;
        }
        return STATEMENT.matcher(head).matches() ? FactType.STATEMENT_SIGNED : FactType.AGREEMENT_SIGNED;
    }

    private static int[] verbBefore(List<int[]> verbs, int position, int maxDistance) {
        return verbBefore(verbs, position, maxDistance, List.of());
    }

    /** The nearest verb before the position, quoted names of no document ("“一带一路”倡议") counting as one word. */
    private static int[] verbBefore(List<int[]> verbs, int position, int maxDistance, List<int[]> titles) {
        int[] best = null;
        for (int[] verb : verbs) {
            int quoted = titles.stream().filter(t -> t[4] == 0 && t[0] >= verb[1] && t[1] <= position).mapToInt(t -> t[1] - t[0] - 1).sum();
            if (verb[1] <= position && position - verb[1] - quoted <= maxDistance && (best == null || verb[1] > best[1])) {
                best = verb;
            }
        }
        return best;
    }

    private static boolean inside(List<int[]> titles, int position) {
        return titles.stream().anyMatch(t -> t[0] <= position && position < t[1]);
    }

    private static boolean afterTitle(List<int[]> titles, int position) {
        return titles.stream().anyMatch(t -> t[4] == 1 && t[1] <= position && position - t[1] <= 8); // not after "“一带一路”"
    }

    private static boolean titleBetween(List<int[]> titles, int from, int to) {
        return titles.stream().anyMatch(t -> t[4] == 1 && t[0] >= from && t[1] <= to);
    }

    /**
     * Parties: the countries the sentence names (outside titles, else inside them too); a summit or organisation as
     * the subject ("会晤通过了《…宣言》") makes the organisation the only party; otherwise the context completes the pair.
     */
    private static Optional<Candidate> emit(Analysis a, int i, FactType type, int position, List<int[]> titles, String title,
                                            String cue, List<Candidate> out) {
        Set<String> outside = new LinkedHashSet<>();
        Set<String> within = new LinkedHashSet<>();
        for (Mention m : a.parties.in(i, a.clauses.contrastStart(i, position), a.clauses.contrastEnd(i, position))) { // not "…, while in New Delhi…"
            boolean inName = DOCUMENT_OF_PLACE.matcher(a.text.substring(Math.max(a.sentence(i).start(), m.start() - 20), m.start())).find();
            (inside(titles, m.start()) || inName ? within : outside).add(m.code()); // "the Declaration of Buenos Aires"
        }
        outside.addAll(organisationsListedWith(a, i, outside));
        Set<String> parties = new LinkedHashSet<>(outside);
        boolean summitSpeaks = outside.isEmpty() && SUMMIT_AS_SUBJECT.matcher(a.sentenceText(i)).lookingAt();
        Set<String> group = outside.isEmpty() ? GroupReference.before(a, i, position) : Set.of();
        List<Candidate.Reason> reasons = new ArrayList<>();
        if (!group.isEmpty()) { // "三国领导人会后发表联合声明": the countries listed before, named by their number
            parties.addAll(group);
            reasons.add(new Candidate.Reason(0.10, "signatories: the group " + String.join(", ", group) + " listed before, named by its size"));
        } else if (parties.size() < 2 && !summitSpeaks) { // "会议发表了《中国—东盟…联合声明》": the meeting's, not the title's countries
            parties.addAll(within);
        }
        String carried = a.subjects.carried(i);
        Matcher pair = PAIR_SIGNS.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
        boolean pairSigns = pair.find() && (position < pair.start() || a.parties.in(i, pair.end(), position).isEmpty());
        if (carried != null && pairSigns && a.subjects.mentionOf(i, position) == null) {
            // "In a joint statement, the two countries called on Pakistan…": the pair told of, not who else is named
            parties.clear();
            parties.add(carried);
            String recent = Events.recentCounterpart(out, carried, i);
            String partner = recent != null ? recent : a.parties.partnerOf(carried, i);
            if (partner != null) {
                parties.add(partner);
            }
        }
        if (!parties.isEmpty()) {
            reasons.add(new Candidate.Reason(0.10, "signatories named in the sentence: " + String.join(", ", parties)));
        }
        if (ALL_MEMBERS.matcher(a.text.substring(a.sentence(i).start(), position)).find() || leadersOfAnOrganisation(a, i, position) || ALLIES.matcher(a.sentenceText(i)).find() || SUMMIT_DOCUMENT.matcher(title != null ? title
                : a.text.substring(Math.max(a.sentence(i).start(), position - 20), Math.min(a.sentence(i).end(), position + 15))).find()) {
            String organisation = a.organisations.last(i);
            if (organisation != null) { // "习近平同与会各国领导人共同签署《阿斯塔纳宣言》": the summit's document
                parties.clear();
                parties.add(organisation);
                reasons.add(new Candidate.Reason(0.10, "signatory: organisation " + organisation + ", all its leaders signing"));
            }
        }
        if (parties.isEmpty() && SUMMIT_SUBJECT.matcher(a.text.substring(a.sentence(i).start(), position)).find()) {
            String named = a.organisations.of(i, position);
            String organisation = named != null ? named : a.organisations.last(i); // "The summit closed with the adoption of…"
            if (organisation != null) {
                parties.add(organisation);
                reasons.add(new Candidate.Reason(0.10, "signatory: organisation " + organisation + " of the summit that is the subject"));
            }
        }
        String actor = a.subjects.of(i, position);
        Trip.Tour tour = parties.isEmpty() && Trip.OVER_THE_TOUR.matcher(a.sentenceText(i)).find() ? Trip.of(out) : null;
        if (tour != null) { // "访问期间总共签署60份合作协议" over a tour of four countries: a batch with each
            Optional<Candidate> first = Optional.empty();
            for (Set<String> hostPair : tour.pairs()) {
                Candidate c = Events.create(a, i, type, hostPair, position, cue);
                c.reason(0.0, "signatories: the visitor and each host of the tour, " + String.join(", ", hostPair));
                c.title = title;
                c.actor = tour.visitor();
                out.add(c);
                first = first.isPresent() ? first : Optional.of(c);
            }
            return first;
        }
        if (parties.isEmpty()) {
            if (actor != null) {
                parties.add(actor);
                reasons.add(new Candidate.Reason(0.05, "signatory " + actor + " carried over as subject from an earlier sentence"));
            } else {
                a.parties.documentCodes().stream().limit(2).forEach(parties::add); // "the two presidents signed…"
                reasons.add(new Candidate.Reason(0.0, "signatories: the countries the report names most, " + String.join(", ", parties)));
            }
        }
        Mention atOrganisation = parties.size() == 1 ? signedAtOrganisation(a, i, position) : null;
        if (atOrganisation != null) { // "Russia signed the treaty at the United Nations headquarters": [RU, UN]
            parties.add(atOrganisation.code());
            reasons.add(new Candidate.Reason(0.05, "signed at the organisation " + Events.recognised(a, atOrganisation)));
        }
        boolean organisationOnly = parties.size() == 1 && !parties.iterator().next().matches("[A-Z]{2}");
        if (parties.size() == 1 && !organisationOnly && !a.mentions(i).stream().anyMatch(m -> m.isOrganisation() && parties.contains(m.code()))
                && !isOrganisationCode(parties.iterator().next(), a, i)) {
            String recent = Events.recentCounterpart(out, parties.iterator().next(), i);
            String partner = recent != null ? recent : a.parties.partnerOf(parties.iterator().next(), i);
            if (partner != null) {
                parties.add(partner);
                reasons.add(new Candidate.Reason(-0.20, "counterpart " + partner + " completed from context"));
            }
        }
        if (parties.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = Events.create(a, i, type, parties, position, cue);
        c.reasons.addAll(reasons);
        c.title = title;
        c.issuer = issuer(a, i, position);
        c.actor = actor;
        Events.locate(a, i, c, position);
        out.add(c);
        return Optional.of(c);
    }

    /** "Leaders of the BRICS bloc adopted…": the organisation's leaders, together, before the document. */
    private static final Pattern LEADERS_OF = Pattern.compile("(?i)\\bleaders of (?:the )?$");

    private static boolean leadersOfAnOrganisation(Analysis a, int i, int position) {
        return a.mentions(i).stream().anyMatch(m -> m.isOrganisation() && m.end() <= position
                && LEADERS_OF.matcher(a.text.substring(Math.max(a.sentence(i).start(), m.start() - 16), m.start())).find());
    }

    /** "Sweden, Turkey and NATO issued", "由俄罗斯、乌克兰、土耳其和联合国签署": an organisation listed with signatory countries. */
    private static Set<String> organisationsListedWith(Analysis a, int i, Set<String> countries) {
        Set<String> found = new LinkedHashSet<>();
        List<Mention> all = a.mentions(i);
        for (int k = 1; k < all.size(); k++) {
            Mention previous = all.get(k - 1), m = all.get(k);
            if (m.isOrganisation() && countries.contains(previous.code()) && previous.end() <= m.start()
                    && ListGlue.joinsSignatories(a.text.substring(previous.end(), m.start()))) {
                found.add(m.code());
            }
        }
        return found;
    }

    /** The level of the issuer named last before the document in its clause ("双方外交部还发表联合声明"), or null. */
    private static String issuer(Analysis a, int i, int position) {
        Matcher m = ISSUER.matcher(a.text).region(a.clauses.start(i, position), position);
        String level = null;
        while (m.find()) {
            for (int g = 1; g <= ISSUER_LEVELS.length; g++) {
                if (m.group(g) != null) {
                    level = ISSUER_LEVELS[g - 1];
                }
            }
        }
        return level;
    }

    private static boolean isOrganisationCode(String code, Analysis a, int i) {
        return code.equals(a.organisations.of(i, a.sentence(i).start())) && !code.matches("[A-Z]{2}");
    }
}
