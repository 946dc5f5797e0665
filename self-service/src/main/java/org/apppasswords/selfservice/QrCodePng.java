package org.apppasswords.selfservice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a text as a QR code PNG with ZXing (black modules on white, {@value #PIXELS_PER_MODULE}
 * pixels per module, the quiet zone of 4 modules the standard asks for, error correction M).
 * The image holds whatever the text holds: an otpauth URI is a secret, so is its PNG.
 */
final class QrCodePng {
    private static final int PIXELS_PER_MODULE = 6;
    private static final int QUIET_ZONE_MODULES = 4;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private QrCodePng() {
    }

    static byte[] render(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("The text does not fit in a QR code", e);
        }
        int size = modules.getWidth() * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(size, modules.getHeight() * PIXELS_PER_MODULE, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
