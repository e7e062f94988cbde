package no.kostra.service;

import java.util.List;
import no.kostra.compute.barometer.Place;
import no.kostra.store.AnalysisRepository;

/** Kommunebarometeret's places as imported (kommunebarometer.csv), by the barometer's year. */
public final class KommunebarometerService {
    private final AnalysisRepository repository;

    KommunebarometerService(AnalysisRepository repository) {
        this.repository = repository;
    }

    /** Every place of the year's barometer, by sector and place; empty when none is imported. */
    public List<Place> edition(int year) {
        return repository.kommunebarometer(year).stream().map(r -> new Place(year, r.text("region_code"), r.text("region_name"),
                r.text("sector"), r.integer("rank_place"), r.integer("rank_of"), r.number("grade"))).toList();
    }
}
