package no.kostra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTest {
    @Test
    void aRatioIsCalledForholdstallWhereAPersonReadsItButKeepsItsCode() {
        assertThat(Unit.RATIO.displayName()).isEqualTo("forholdstall");
        assertThat(Unit.RATIO.code()).isEqualTo("ratio");
        assertThat(Unit.fromCode("ratio")).isEqualTo(Unit.RATIO);
    }

    @Test
    void everyOtherUnitIsAlreadyTheNorwegianWord() {
        assertThat(Unit.PROSENT.displayName()).isEqualTo("prosent");
        assertThat(Unit.KRONER.displayName()).isEqualTo("kroner");
        assertThat(Unit.AARSVERK.displayName()).isEqualTo("årsverk");
        assertThat(Unit.ANTALL.displayName()).isEqualTo("antall");
        assertThat(Unit.TIMER.displayName()).isEqualTo("timer");
    }

    @Test
    void theDisplayNameOfACodeIsFoundWithoutKnowingTheUnit() {
        assertThat(Unit.displayNameOf("ratio")).isEqualTo("forholdstall");
        assertThat(Unit.displayNameOf("kroner")).isEqualTo("kroner");
    }
}
