package no.kostra.compute.splits;

/**
 * Home-care costs split between the PLO 0–66 and 67+ profiles in proportion to the hours assigned per week in each
 * age group, as ASSS does (001: "Fordelingen av kostnadene for hjemmetjenester mellom tjenesteprofilene er basert på
 * antall tildelte timer per uke i de to aldersgruppene"). Pure.
 *
 * @param total the home-care costs to split (mill. kroner)
 */
public record HomeCareSplit(int year, double total, double hours0to66, double hours67, double cost0to66, double cost67,
                            double share0to66Percent, double share67Percent) {

    public static HomeCareSplit split(int year, double total, double hours0to66, double hours67) {
        if (hours0to66 < 0 || hours67 < 0 || hours0to66 + hours67 == 0) {
            throw new IllegalArgumentException("Assigned hours must be 0 or more and not both 0, were " + hours0to66 + " and " + hours67);
        }
        double hours = hours0to66 + hours67;
        return new HomeCareSplit(year, total, hours0to66, hours67, total * hours0to66 / hours, total * hours67 / hours,
                hours0to66 / hours * 100.0, hours67 / hours * 100.0);
    }
}
