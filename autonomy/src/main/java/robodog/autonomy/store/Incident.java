package robodog.autonomy.store;

/** Something that happened during a run (pause, comms loss, E-stop, relocalisation, ...). */
public record Incident(double tS, String kind, String detail) {}
