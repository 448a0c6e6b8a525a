package dev.phylo.cli.scripts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static check of a bash script for what bash 3.2 (macOS's /bin/bash) does not run, where the script would only
 * fail on a Mac. Two kinds of finding:
 *
 * <ul>
 *   <li>an expansion of a possibly-empty array ({@code "${a[@]}"}, {@code "${a[*]}"}, {@code ${a[0]}}) without a
 *       {@code +} or {@code -} guard: bash before 4.4 reports an empty array as an unbound variable under
 *       {@code set -u}. An array is possibly empty when some assignment to it ({@code a=(...)}, {@code local a=(...)})
 *       starts with nothing, {@code "$@"}, an array expansion or an unquoted {@code $} word, or when it is declared
 *       with {@code -a} and no value. {@code +=} only adds, and {@code ${#a[@]}} is safe;
 *   <li>a construct newer than 3.2: associative arrays, {@code mapfile}, case modification, {@code [[ -v }, negative
 *       indexes and lengths, {@code &>>}, {@code |&}, {@code ;;&}, {@code coproc}, {@code wait -n}, namerefs,
 *       {@code declare -g}, {@code ${x@Q}}, {@code {fd}>}, {@code printf %(...)T}, {@code EPOCHSECONDS},
 *       {@code BASHPID}, {@code globstar} and {@code lastpipe}.
 * </ul>
 *
 * Whole-line comments are ignored. It is a line-level check, not a parser; a bash 3.2 run (see
 * {@link Shells#OLD_BASH_ENV}) is the proof.
 */
final class OldBashLint {

    private static final Pattern ARRAY_ASSIGNMENT =
            Pattern.compile("(?:^|[\\s;(&|])(?:(?:local|declare|typeset)\\s+(?:-a\\s+)?)?([A-Za-z_]\\w*)(\\+?)=\\(");
    private static final Pattern ARRAY_DECLARATION =
            Pattern.compile("(?:^|[\\s;])(?:local|declare|typeset)\\s+-a\\s+([A-Za-z_]\\w*)(?![\\w=])");
    private static final Pattern ARRAY_EXPANSION =
            Pattern.compile("\\$\\{(!?#?)([A-Za-z_]\\w*)\\[([^\\]]*)\\]([^}]*)\\}");

    private record Construct(Pattern pattern, String what) {}

    private static final List<Construct> NEWER = List.of(
            new Construct(Pattern.compile("\\b(?:declare|local|typeset)\\s+-[a-zA-Z]*A"), "associative array (4.0)"),
            new Construct(Pattern.compile("\\b(?:mapfile|readarray)\\b"), "mapfile/readarray (4.0)"),
            new Construct(
                    Pattern.compile("\\$\\{[A-Za-z_]\\w*(?:\\[[^\\]]*\\])?(?:,,|\\^\\^|,|\\^)[^}]*\\}"),
                    "case modification ${x,,} ${x^^} (4.0)"),
            new Construct(Pattern.compile("\\$\\{[^}]*@[QEPAaKkUuL]\\}"), "parameter transformation ${x@Q} (4.4+)"),
            new Construct(Pattern.compile("\\[\\[\\s+-v\\s"), "[[ -v name ]] (4.2)"),
            new Construct(Pattern.compile("\\[\\s*-\\d+\\s*\\]\\}"), "negative array index (4.3)"),
            new Construct(
                    Pattern.compile("\\$\\{[A-Za-z_]\\w*:[^}:]+:\\s*-\\d+\\}"), "negative substring length (4.2)"),
            new Construct(Pattern.compile("&>>"), "&>> (4.0)"),
            new Construct(Pattern.compile("\\|&"), "|& (4.0)"),
            new Construct(Pattern.compile(";;&|;&\\s*$"), "case fall-through ;& / ;;& (4.0)"),
            new Construct(Pattern.compile("\\bcoproc\\b"), "coproc (4.0)"),
            new Construct(Pattern.compile("\\bwait\\s+-n\\b"), "wait -n (4.3)"),
            new Construct(Pattern.compile("\\b(?:declare|local|typeset)\\s+-[a-zA-Z]*n\\b"), "nameref (4.3)"),
            new Construct(Pattern.compile("\\b(?:declare|typeset)\\s+-[a-zA-Z]*g"), "declare -g (4.2)"),
            new Construct(Pattern.compile("\\{[A-Za-z_]\\w*\\}[<>]"), "{fd}> descriptor allocation (4.1)"),
            new Construct(Pattern.compile("%\\([^)]*\\)T"), "printf %(...)T (4.2)"),
            new Construct(Pattern.compile("\\bEPOCH(?:SECONDS|REALTIME)\\b"), "EPOCHSECONDS/EPOCHREALTIME (5.0)"),
            new Construct(Pattern.compile("\\bBASHPID\\b"), "BASHPID (4.0)"),
            new Construct(
                    Pattern.compile("\\bshopt\\s+-s\\s+.*\\b(?:globstar|lastpipe)\\b"), "globstar/lastpipe (4.x)"));

    private OldBashLint() {}

    /** Findings as "line N: what: the line", in line order; empty when the script passes. */
    static List<String> findings(String script) {
        String[] lines = script.split("\n", -1);
        StringBuilder code = new StringBuilder();
        for (String line : lines) {
            code.append(line.stripLeading().startsWith("#") ? "" : line).append('\n');
        }
        String text = code.toString();
        Set<String> possiblyEmpty = possiblyEmptyArrays(text);
        List<String> findings = new ArrayList<>();
        String[] codeLines = text.split("\n", -1);
        for (int i = 0; i < codeLines.length; i++) {
            String line = codeLines[i];
            Matcher m = ARRAY_EXPANSION.matcher(line);
            while (m.find()) {
                String prefix = m.group(1);
                String name = m.group(2);
                String suffix = m.group(4);
                boolean guarded = suffix.startsWith("+")
                        || suffix.startsWith("-")
                        || suffix.startsWith(":+")
                        || suffix.startsWith(":-");
                if (possiblyEmpty.contains(name) && !prefix.equals("#") && !guarded) {
                    findings.add(finding(
                            i,
                            "unguarded expansion of possibly-empty array " + name
                                    + " (bash < 4.4 with set -u: unbound variable); write ${" + name + "[@]+\"${" + name
                                    + "[@]}\"}",
                            line));
                }
            }
            for (Construct construct : NEWER) {
                if (construct.pattern().matcher(line).find()) {
                    findings.add(finding(i, "not in bash 3.2: " + construct.what(), line));
                }
            }
        }
        return findings;
    }

    private static Set<String> possiblyEmptyArrays(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = ARRAY_ASSIGNMENT.matcher(text);
        while (m.find()) {
            if (!m.group(2).isEmpty()) {
                continue; // += only adds
            }
            String rest = text.substring(m.end()).replaceFirst("^(?:\\s|\\\\\\n)+", "");
            if (rest.startsWith(")")
                    || rest.startsWith("\"$@\"")
                    || rest.startsWith("$@")
                    || rest.startsWith("\"${")
                    || (rest.startsWith("$") && !rest.startsWith("$'"))) {
                names.add(m.group(1));
            }
        }
        Matcher declared = ARRAY_DECLARATION.matcher(text);
        while (declared.find()) {
            names.add(declared.group(1));
        }
        return names;
    }

    private static String finding(int index, String what, String line) {
        return "line " + (index + 1) + ": " + what + ": " + line.strip();
    }
}
