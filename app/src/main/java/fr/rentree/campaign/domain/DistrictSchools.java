package fr.rentree.campaign.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The schools of each district campaign, in launch order: the process's multi-instance reads the school of each of
 * its instances by index here, so no list lives in a process variable.
 */
@Repository
public class DistrictSchools {

    private final JdbcClient jdbc;

    DistrictSchools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void list(long districtCampaignId, List<String> schoolUais) {
        for (int position = 0; position < schoolUais.size(); position++) {
            jdbc.sql("insert into district_campaign_school (district_campaign_id, position, school_uai)"
                            + " values (?, ?, ?)")
                    .params(districtCampaignId, position, schoolUais.get(position)).update();
        }
    }

    public DistrictSchool at(long districtCampaignId, int position) {
        return jdbc.sql("""
                        select position, school_uai, campaign_id, adopted from district_campaign_school
                        where district_campaign_id = ? and position = ?""")
                .params(districtCampaignId, position).query(DistrictSchools::line).single();
    }

    /** Notes the school campaign the district follows at this school (started or adopted). */
    public void follow(long districtCampaignId, int position, long campaignId, boolean adopted) {
        jdbc.sql("""
                        update district_campaign_school set campaign_id = ?, adopted = ?
                        where district_campaign_id = ? and position = ?""")
                .params(campaignId, adopted, districtCampaignId, position).update();
    }

    public List<DistrictSchool> of(long districtCampaignId) {
        return jdbc.sql("""
                        select position, school_uai, campaign_id, adopted from district_campaign_school
                        where district_campaign_id = ? order by position""")
                .param(districtCampaignId).query(DistrictSchools::line).list();
    }

    private static DistrictSchool line(ResultSet row, int n) throws SQLException {
        long campaign = row.getLong(3);
        @Nullable Long campaignId = row.wasNull() ? null : campaign;
        return new DistrictSchool(row.getInt(1), row.getString(2), campaignId, row.getBoolean(4));
    }
}
