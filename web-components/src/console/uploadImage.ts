import { ApiError, parseApiError } from '../api/client.js';

/** What the server answers for a stored post picture (POST /api/interviews/:id/images). */
export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
  bytes: number;
  mimeType: string;
}

/** What the server answers for a stored portrait (POST /api/interviews/:id/portraits). */
export interface UploadedPortrait {
  photo: string;
  photoUrl: string;
  width: number;
  height: number;
  bytes: number;
}

/** Sends one post picture (see uploadRaw). */
export function uploadImage(interviewId: string, file: File, onProgress: (fraction: number) => void): Promise<UploadedImage> {
  return uploadRaw(`/api/interviews/${encodeURIComponent(interviewId)}/images`, file, onProgress);
}

/** Sends the photo of a host or guest (see uploadRaw). */
export function uploadPortrait(interviewId: string, file: File, onProgress: (fraction: number) => void): Promise<UploadedPortrait> {
  return uploadRaw(`/api/interviews/${encodeURIComponent(interviewId)}/portraits`, file, onProgress);
}

/**
 * Sends one picture as the raw request body, reporting upload progress (0–1), which fetch cannot. Rejects with an
 * ApiError carrying the server's code (image_too_large, image_type_mismatch…), status 0 when the network failed.
 */
function uploadRaw<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as T);
      else reject(parseApiError(xhr.status, xhr.responseText, xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload did not reach the server.'));
    xhr.send(file);
  });
}
