package fr.rentree.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.rentree.siecle.service.SampleExports;

/** The sample exports of the tests: none, but for a school a test offers some to (dev's are the demo schools'). */
public class TestSampleExports implements SampleExports {

    private final Map<String, List<SampleExport>> offered = new ConcurrentHashMap<>();

    public void offer(String uai, List<SampleExport> files) {
        offered.put(uai, List.copyOf(files));
    }

    @Override
    public List<SampleExport> of(String uai) {
        return offered.getOrDefault(uai, List.of());
    }
}
