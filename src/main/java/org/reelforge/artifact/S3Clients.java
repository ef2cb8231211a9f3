package org.reelforge.artifact;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The three SDK clients of one store, configured alike: region, credentials, endpoint and path style. Against a
 * custom endpoint, checksums are sent and checked only where S3 requires them: the SDK's default trailing CRC
 * checksums (2.30+) are refused by several S3-compatible servers.
 */
record S3Clients(S3Client sync, S3AsyncClient async, S3Presigner presigner) {
    static S3Clients build(S3Settings settings, AwsCredentialsProvider credentials) {
        Region region = Region.of(settings.region());
        boolean custom = settings.endpoint() != null;
        RequestChecksumCalculation send = custom ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED;
        ResponseChecksumValidation check = custom ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED;
        var sync = S3Client.builder().region(region).credentialsProvider(credentials).forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(send).responseChecksumValidation(check);
        var async = S3AsyncClient.builder().region(region).credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle()).requestChecksumCalculation(send).responseChecksumValidation(check)
                .multipartEnabled(true).multipartConfiguration(MultipartConfiguration.builder()
                        .thresholdInBytes(settings.multipartThreshold()).minimumPartSizeInBytes(settings.partSize()).build());
        var presigner = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (custom) {
            sync.endpointOverride(settings.endpoint());
            async.endpointOverride(settings.endpoint());
            presigner.endpointOverride(settings.endpoint());
        }
        return new S3Clients(sync.build(), async.build(), presigner.build());
    }
}
