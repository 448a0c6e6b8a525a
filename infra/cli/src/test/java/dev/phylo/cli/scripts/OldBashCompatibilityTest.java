package dev.phylo.cli.scripts;

import static dev.phylo.cli.scripts.Shells.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deploy scripts keep to what bash 3.2 (macOS) runs, checked statically by {@link OldBashLint} on every build;
 * {@link DeployScriptsTest} and {@link ValidatePrerequisitesTest} run them under a real old bash when
 * {@value Shells#OLD_BASH_ENV} names one. The lint is itself tested on snippets it must flag and ones it must pass.
 */
class OldBashCompatibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"scripts/deploy.sh", "scripts/validate-prerequisites.sh"})
    void theDeployScriptsUseNothingBash32CannotRun(String script) throws Exception {
        String text = Files.readString(ROOT.resolve(script));
        assertThat(text).contains("set -euo pipefail");
        assertThat(OldBashLint.findings(text)).as(script).isEmpty();
    }

    @Test
    void flagsEachUnguardedExpansionOfAnArrayThatMayBeEmpty() {
        String script = String.join(
                "\n",
                "set -u",
                "extra=()",
                "args=(\"$@\")",
                "local shown=() x",
                "declare -a listed",
                "copy=(\"${extra[@]+\"${extra[@]}\"}\")",
                "run \"${extra[@]}\"",
                "run ${args[*]}",
                "echo \"${shown[*]}\"",
                "echo \"${listed[0]}\"",
                "echo \"${copy[@]}\"");

        List<String> findings = OldBashLint.findings(script);

        assertThat(findings)
                .hasSize(5)
                .anyMatch(f -> f.startsWith("line 7: unguarded expansion of possibly-empty array extra"))
                .anyMatch(f -> f.startsWith("line 8: unguarded expansion of possibly-empty array args"))
                .anyMatch(f -> f.startsWith("line 9: unguarded expansion of possibly-empty array shown"))
                .anyMatch(f -> f.startsWith("line 10: unguarded expansion of possibly-empty array listed"))
                .anyMatch(f -> f.startsWith("line 11: unguarded expansion of possibly-empty array copy"));
    }

    @Test
    void passesGuardedExpansionsLengthsAndArraysThatAlwaysHoldAWord() {
        String script = String.join(
                "\n",
                "set -u",
                "extra=()",
                "extra+=(\"$1\")",
                "cmd=(aws lambda invoke",
                "  --payload '{}')",
                "one=(\"$x\")",
                "run ${extra[@]+\"${extra[@]}\"}",
                "echo \"${#extra[@]}\" \"${extra[0]:-none}\" \"${extra[1]-}\"",
                "run \"${cmd[@]}\" \"${one[@]}\" \"${BASH_SOURCE[0]}\"",
                "# a comment may say \"${extra[@]}\" or mapfile");

        assertThat(OldBashLint.findings(script)).isEmpty();
    }

    @Test
    void flagsConstructsNewerThanBash32() {
        List<String> newer = List.of(
                "declare -A seen",
                "local -A seen=()",
                "mapfile -t lines < file",
                "readarray lines",
                "echo \"${name,,}\"",
                "echo \"${name^^}\"",
                "echo \"${name@Q}\"",
                "if [[ -v name ]]; then :; fi",
                "echo \"${list[-1]}\"",
                "echo \"${name:0:-1}\"",
                "cmd &>> log",
                "cmd |& tee log",
                "  a) echo a ;;&",
                "coproc cat",
                "wait -n",
                "local -n ref=name",
                "declare -g global=1",
                "exec {fd}>file",
                "printf '%(%Y)T' -1",
                "echo \"$EPOCHSECONDS\"",
                "echo \"$BASHPID\"",
                "shopt -s globstar");

        for (String line : newer) {
            assertThat(OldBashLint.findings(line))
                    .as("'%s' is flagged", line)
                    .singleElement()
                    .asString()
                    .startsWith("line 1: not in bash 3.2: ");
        }
    }

    @Test
    void readsBashVersionsForTheOldBashCases() {
        assertThat(Shells.isBefore44("3.2.57(1)-release")).isTrue();
        assertThat(Shells.isBefore44("4.3.48(1)-release")).isTrue();
        assertThat(Shells.isBefore44("4.4.20(1)-release")).isFalse();
        assertThat(Shells.isBefore44("5.2.15(1)-release")).isFalse();
        assertThat(Shells.isBefore44("")).isFalse();
    }
}
