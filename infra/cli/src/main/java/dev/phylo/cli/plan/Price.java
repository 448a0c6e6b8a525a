package dev.phylo.cli.plan;

import java.time.LocalDate;

/**
 * Every price {@code phylo cloud plan} uses, in one table: the value in US dollars per unit, the region it applies to,
 * the page it was read from and the day it was checked. Prices change; update a row here (value, source and date)
 * and every plan follows. Free tiers and volume discounts are not deducted: a plan prices a run as if the account had
 * used its free tier already, at the first tier's rate.
 *
 * @param usd     dollars per {@code unit}
 * @param unit    what one {@code usd} buys
 * @param region  where the price applies (AWS prices differ by region; Neon bills the same everywhere)
 * @param source  the page the value was read from
 * @param checked the day the value was checked against {@code source}
 */
public enum Price {
    LAMBDA_GB_SECOND_X86(
            0.0000166667,
            "GB-second of Lambda duration, x86_64 (first 6 billion GB-s a month)",
            "us-east-1",
            "https://aws.amazon.com/lambda/pricing/",
            "2026-12-06"),
    LAMBDA_GB_SECOND_ARM(
            0.0000133334,
            "GB-second of Lambda duration, arm64 (first 7.5 billion GB-s a month)",
            "us-east-1",
            "https://aws.amazon.com/lambda/pricing/",
            "2026-12-06"),
    LAMBDA_REQUEST(
            0.20 / 1e6,
            "Lambda request ($0.20 per million)",
            "us-east-1",
            "https://aws.amazon.com/lambda/pricing/",
            "2026-12-06"),
    SFN_STANDARD_TRANSITION(
            0.025 / 1e3,
            "STANDARD state transition ($0.025 per 1,000; a Distributed Map counts one per child it starts)",
            "us-east-1",
            "https://aws.amazon.com/step-functions/pricing/",
            "2026-12-06"),
    SFN_EXPRESS_REQUEST(
            1.00 / 1e6,
            "EXPRESS execution ($1.00 per million)",
            "us-east-1",
            "https://aws.amazon.com/step-functions/pricing/",
            "2026-12-06"),
    SFN_EXPRESS_GB_SECOND(
            0.00001667,
            "GB-second of EXPRESS duration (first 1,000 GB-hours; 64 MB chunks, 100 ms increments)",
            "us-east-1",
            "https://aws.amazon.com/step-functions/pricing/",
            "2026-12-06"),
    EFS_READ_GB(
            0.03,
            "GB read from EFS with Elastic throughput",
            "us-east-1",
            "https://aws.amazon.com/efs/pricing/",
            "2026-12-06"),
    EFS_WRITE_GB(
            0.06,
            "GB written to EFS with Elastic throughput",
            "us-east-1",
            "https://aws.amazon.com/efs/pricing/",
            "2026-12-06"),
    S3_PUT_REQUEST(
            0.005 / 1e3,
            "S3 Standard PUT, COPY, POST or LIST request ($0.005 per 1,000)",
            "us-east-1",
            "https://aws.amazon.com/s3/pricing/",
            "2026-12-06"),
    S3_GET_REQUEST(
            0.0004 / 1e3,
            "S3 Standard GET request ($0.0004 per 1,000)",
            "us-east-1",
            "https://aws.amazon.com/s3/pricing/",
            "2026-12-06"),
    NAT_GATEWAY_HOUR(0.045, "NAT gateway-hour", "us-east-1", "https://aws.amazon.com/vpc/pricing/", "2026-12-06"),
    NAT_GATEWAY_GB(
            0.045, "GB processed by a NAT gateway", "us-east-1", "https://aws.amazon.com/vpc/pricing/", "2026-12-06"),
    PUBLIC_IPV4_HOUR(
            0.005,
            "public IPv4 address-hour (the NAT gateway's Elastic IP)",
            "us-east-1",
            "https://aws.amazon.com/vpc/pricing/",
            "2026-12-06"),
    INTERFACE_ENDPOINT_HOUR(
            0.01,
            "interface VPC endpoint-hour per Availability Zone (PrivateLink)",
            "us-east-1",
            "https://aws.amazon.com/privatelink/pricing/",
            "2026-12-06"),
    INTERFACE_ENDPOINT_GB(
            0.01,
            "GB processed by interface VPC endpoints (first 1 PB a month)",
            "us-east-1",
            "https://aws.amazon.com/privatelink/pricing/",
            "2026-12-06"),
    NEON_LAUNCH_CU_HOUR(
            0.14,
            "Neon compute CU-hour, Launch plan",
            "any (Neon prices are the same in every region)",
            "https://neon.com/docs/introduction/plans",
            "2026-12-06"),
    NEON_SCALE_CU_HOUR(
            0.26,
            "Neon compute CU-hour, Scale plan (IP Allow, Private Networking)",
            "any (Neon prices are the same in every region)",
            "https://neon.com/docs/introduction/plans",
            "2026-12-06"),
    NEON_PRIVATE_TRANSFER_GB(
            0.01,
            "GB of Neon private network transfer (Scale plan, Private Networking)",
            "any (Neon prices are the same in every region)",
            "https://neon.com/docs/introduction/plans",
            "2026-12-06");

    private final double usd;
    private final String unit;
    private final String region;
    private final String source;
    private final LocalDate checked;

    Price(double usd, String unit, String region, String source, String checked) {
        this.usd = usd;
        this.unit = unit;
        this.region = region;
        this.source = source;
        this.checked = LocalDate.parse(checked);
    }

    public double usd() {
        return usd;
    }

    public String unit() {
        return unit;
    }

    public String region() {
        return region;
    }

    public String source() {
        return source;
    }

    public LocalDate checked() {
        return checked;
    }

    /** The cost of {@code quantity} units. */
    public double times(double quantity) {
        return usd * quantity;
    }
}
